import { z } from 'zod';
import { CtmConfigSchema, renameLegacyTicks, ctmForward, ctmLoss, ctmToStateDict, initCtm, NEURON_INDEX_NAMES, type CtmConfig } from '../ctm';
import type { PairTensors } from '../ctm';
import { free, keep, ops, type ParamTree, type Tensor } from '../runtime';
import type { Architecture } from './architecture';
import { param } from '../nn/attention';

const BUFFERS = new Set<string>(NEURON_INDEX_NAMES);

/**
 * For random pairing, synchronisation entry s is z[left_s]·z[right_s]: the stored index buffers ARE the pair
 * indices, so the forward can take them straight from the (jit-traced) parameter tree. Dense and semi-dense
 * selections expand the indices into pairs on the host, which a traced forward cannot do — hence the restriction.
 */
function pairsFrom(params: ParamTree): PairTensors {
  return {
    actionLeft: keep(param(params, 'action_neuron_indices_left')),
    actionRight: keep(param(params, 'action_neuron_indices_right')),
    outLeft: keep(param(params, 'out_neuron_indices_left')),
    outRight: keep(param(params, 'out_neuron_indices_right')),
  };
}

function trainableOf(params: ParamTree): ParamTree {
  return Object.fromEntries(Object.entries(params).filter(([n]) => !BUFFERS.has(n)).map(([n, t]) => [n, keep(t)]));
}

/** predictions [B, G·K, T] → [B, T, G, K]. */
function tickMajor(predictions: Tensor, c: CtmConfig): Tensor {
  const [B, , T] = predictions.shape as [number, number, number];
  return ops.transpose(ops.reshape(predictions, [B, c.groups, c.classes, T]), [0, 3, 1, 2]);
}

/**
 * The Continuous Thought Machine (ml/ctm), sized per ctm.md §5: random pairing with S = D, k = 1 synapses,
 * T ≈ 1.5–2·L ticks. Trained with the CTM loss (min-loss tick + most-certain tick); answers by certainty halting.
 */
export const ctmArch: Architecture<CtmConfig> = {
  name: 'ctm',
  configSchema: z.preprocess(
    renameLegacyTicks,
    CtmConfigSchema.refine((c) => c.neuronSelectType === 'random-pairing', {
      message: 'checkpoints use random-pairing neuron selection',
      path: ['neuronSelectType'],
    }),
  ) as unknown as typeof CtmConfigSchema,
  answerRule: 'certainty-halting',
  defaultConfig(task, { ticks }) {
    // Parity: ctm.md §5's small parity size. Addition: 6 digits × 10 classes are read out of the output
    // synchronisation, so it gets twice the neurons and S_out = 128 (at D = 64 / S = 64 it stayed at 25%);
    // fewer ticks keep the step time the same (a step costs about linearly in ticks).
    // Binary-to-decimal and stack operations read out more classes, like addition, so they take its size.
    const parity = task.name === 'parity';
    return CtmConfigSchema.parse({
      dModel: parity ? 64 : 128,
      dInput: 32,
      heads: 4,
      ticks: ticks ?? (parity ? 16 : 8),
      memoryLength: parity ? 8 : 6,
      memoryHiddenDims: 4,
      synapseDepth: 1,
      nSynchOut: parity ? 64 : 128,
      nSynchAction: 64,
      neuronSelectType: 'random-pairing',
      nRandomPairingSelf: 0,
      vocab: task.vocab,
      groups: task.groups,
      classes: task.classes,
    });
  },
  training: () => ({ steps: 2000, batchSize: 64, peakLr: 1e-3, minLr: 1e-4, warmupSteps: 200, maxGradNorm: 1 }),
  ticks: (config) => config.ticks,
  init(config, seed) {
    const model = initCtm(config, seed);
    const host = ctmToStateDict(model);
    free(model.params);
    return host;
  },
  isBuffer: (name) => BUFFERS.has(name),
  forward(params, tokens, config, ticks) {
    const out = ctmForward(config, trainableOf(params), pairsFrom(params), tokens, { ticks: ticks ?? config.ticks });
    free(out.synchronisationOut);
    const certainty = ops.squeeze(ops.sliceAxis(out.certainties, 1, 1, 2), 1); // [B, T]
    return { logits: tickMajor(out.predictions, config), certainty };
  },
  loss(params, tokens, targets, config) {
    const out = ctmForward(config, trainableOf(params), pairsFrom(params), tokens);
    free(out.synchronisationOut);
    const T = config.ticks;
    const { loss, mostCertainTick, minLossTick } = ctmLoss(keep(out.predictions), out.certainties, targets, config.groups, config.classes);
    minLossTick.dispose();
    // The answer for accuracy: each sample's most certain tick, [B, G, K].
    const mask = ops.expandDims(ops.oneHot(mostCertainTick, T), 1); // [B, 1, T]
    const atTick = ops.sum(ops.mul(out.predictions, mask), -1); // [B, C]
    const B = atTick.shape[0]!;
    return [loss, ops.reshape(ops.stopGradient(atTick), [B, config.groups, config.classes])];
  },
};
