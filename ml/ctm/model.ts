import { free, keep, ops, type ParamTree, type Tensor } from '../runtime';
import { attend, projectKeysValues } from './attention';
import { certaintyOf } from './certainty';
import type { CtmConfig } from './config';
import { featurise } from './featuriser';
import { neuronLevelModels } from './neuron-level-models';
import { paramReader } from './params';
import { synapses } from './synapses';
import { pairProducts, synchronise, type PairTensors, type SynchState } from './synchronisation';

/**
 * The Continuous Thought Machine forward pass (ctm.md §1.3), nanoGPT-style: one function, shapes in comments.
 * B batch, L tokens, D neurons, d attention width, M memory, T ticks, S_a/S_o synchronisation sizes, C = G·K outputs.
 */

/** Decays never leave [0, 15] (reference fix for issue #5, ctm.md §6.1). */
export const DECAY_CLAMP: readonly [number, number] = [0, 15];

export type CtmOutputs = {
  /** [B, C, T] logits at every tick (reshape C to [G, K]). */
  predictions: Tensor;
  /** [B, 2, T]: [normalised entropy, certainty = 1 − entropy] per tick. */
  certainties: Tensor;
  /** [B, S_o] output synchronisation after the last tick. */
  synchronisationOut: Tensor;
};

export type ForwardOptions = {
  /** Run this many ticks instead of `c.ticks` (tick-count sweeps; beyond training, √t drift applies, §2.3). */
  ticks?: number;
};

/**
 * tokens [B, L] int32 → per-tick predictions and certainties. Consumes `params`, `pairs` and `tokens` (pass
 * keepTree(...) to reuse them). Pure tensor code: wrap in `jit` (once per input shape) for speed.
 */
export function ctmForward(c: CtmConfig, params: ParamTree, pairs: PairTensors, tokens: Tensor, options: ForwardOptions = {}): CtmOutputs {
  const p = paramReader(params);
  const B = tokens.shape[0] as number;
  const ticks = options.ticks ?? c.ticks;

  // Input: featurised once, keys/values projected once (not per tick).
  const { keys, values } = projectKeysValues(c, p, featurise(c, p, tokens)); // [B, h, L, d/h] each

  // Learned start state, broadcast over the batch.
  let z = ops.broadcastTo(p('start_activated_state'), [B, c.dModel]); // z⁰ [B, D]
  let history = ops.broadcastTo(p('start_trace'), [B, c.dModel, c.memoryLength]); // A⁰ [B, D, M], column M−1 newest

  // r = exp(−clamp(θ, 0, 15)). The reference clamps the parameter VALUES in place before use, so the gradient is
  // that of exp(−θ) at the clamped value: a straight-through clamp reproduces exactly that.
  const decay = (name: string): Tensor => {
    const theta = p(name);
    const clamped = ops.add(keep(theta), ops.stopGradient(ops.sub(ops.clip(keep(theta), ...DECAY_CLAMP), theta)));
    return ops.exp(ops.neg(clamped));
  };
  const rAction = decay('decay_params_action'); // [S_a]
  const rOut = decay('decay_params_out'); // [S_o]

  // The output synchronisation starts from z⁰; the action one starts at tick 1.
  let outState: SynchState;
  let actionState: SynchState | undefined;
  let synchOut: Tensor;
  [synchOut, outState] = synchronise(pairProducts(keep(z), keep(pairs.outLeft), keep(pairs.outRight)), undefined, keep(rOut));
  free(synchOut);

  const predictions: Tensor[] = [];
  const certainties: Tensor[] = [];
  for (let t = 0; t < ticks; t++) {
    // 1–2. Query from the action synchronisation of z^{t−1}.
    let synchAction: Tensor;
    [synchAction, actionState] = synchronise(pairProducts(keep(z), keep(pairs.actionLeft), keep(pairs.actionRight)), actionState, keep(rAction));
    const q = ops.linear(synchAction, p('q_proj.weight'), p('q_proj.bias')); // [B, d]
    // 3. Cross-attention over the input.
    const o = attend(c, p, q, keep(keys), keep(values)); // [B, d]
    // 4. Synapses on [o ; z^{t−1}] (attention output first).
    const a = synapses(c, p, ops.concat([o, z], -1)); // [B, D]
    // 5. FIFO history: drop the oldest column, append a^t.
    history = ops.concat([ops.sliceAxis(history, 2, 1, c.memoryLength), ops.expandDims(a, 2)], 2); // [B, D, M]
    // 6. Neuron-level models.
    z = neuronLevelModels(p, keep(history)); // z^t [B, D]
    // 7. Output synchronisation of z^t.
    [synchOut, outState] = synchronise(pairProducts(keep(z), keep(pairs.outLeft), keep(pairs.outRight)), outState, keep(rOut));
    // 8–9. Prediction and certainty.
    const y = ops.linear(keep(synchOut), p('output_projector.0.weight'), p('output_projector.0.bias')); // [B, C]
    certainties.push(certaintyOf(keep(y), c.groups, c.classes)); // [B, 2]
    predictions.push(y);
    if (t < ticks - 1) free(synchOut);
  }

  free([z, history, keys, values, rAction, rOut, outState.alpha, outState.beta]);
  if (actionState) free([actionState.alpha, actionState.beta]);
  free(params);
  free([pairs.actionLeft, pairs.actionRight, pairs.outLeft, pairs.outRight]);
  return {
    predictions: ops.stack(predictions, -1), // [B, C, T]
    certainties: ops.stack(certainties, -1), // [B, 2, T]
    synchronisationOut: synchOut,
  };
}
