import { keep, ops, Prng, type ParamTree, type Tensor } from '../runtime';
import { certaintyOf } from '../nn/certainty';
import { ParamBuilder, type HostParams } from '../nn/param-init';
import { multiheadAttention, param } from '../nn/attention';
import type { LstmConfig } from './config';
import { addFeaturiserParams, featurise } from './featuriser';

/**
 * Parameters (names follow the CTM's and PyTorch's):
 *   backbone.*, positional_embedding.*, kv_proj.*   the CTM featuriser
 *   start_hidden_state [D], start_cell_state [D]    learned h⁰, c⁰ ~ U(±1/√D)
 *   q_proj [d ← D]                                  query from the hidden state
 *   attention.*                                     nn.MultiheadAttention(d)
 *   lstm.weight_ih [4D, d], lstm.weight_hh [4D, D], lstm.bias_ih, lstm.bias_hh   (gate order i, f, g, o)
 *   output_projector.0 [G·K ← D]
 */
export function initLstm(config: LstmConfig, seed: number): HostParams {
  const b = new ParamBuilder(new Prng(seed));
  const D = config.dModel;
  const bound = 1 / Math.sqrt(D);
  addFeaturiserParams(b, config.vocab, config.dInput);
  b.uniform('start_hidden_state', [D], bound);
  b.uniform('start_cell_state', [D], bound);
  b.linear('q_proj', D, config.dInput);
  b.multiheadAttention('attention', config.dInput);
  // nn.LSTMCell: every tensor U(±1/√hidden).
  b.uniform('lstm.weight_ih', [4 * D, config.dInput], bound);
  b.uniform('lstm.weight_hh', [4 * D, D], bound);
  b.uniform('lstm.bias_ih', [4 * D], bound);
  b.uniform('lstm.bias_hh', [4 * D], bound);
  b.linear('output_projector.0', D, config.groups * config.classes);
  return b.params;
}

/** Per-tick outputs: logits [B, T, G, K] and certainty [B, T]. */
export interface TickOutputs {
  logits: Tensor;
  certainty: Tensor;
}

/**
 * tokens [B, L] int32 → per-tick logits and certainties. Reads the parameters; consumes `tokens`.
 * `ticks` may be below the configured count (early exit is exact: tick t depends only on earlier ticks).
 */
export function lstmForward(params: ParamTree, tokens: Tensor, config: LstmConfig, ticks = config.ticks): TickOutputs {
  const batch = tokens.shape[0]!;
  const D = config.dModel;
  const kv = featurise(params, tokens); // [B, L, d]
  let h = ops.broadcastTo(keep(param(params, 'start_hidden_state')), [batch, D]);
  let c = ops.broadcastTo(keep(param(params, 'start_cell_state')), [batch, D]);
  const perTick: Tensor[] = [];
  for (let t = 0; t < ticks; t++) {
    const q = ops.linear(keep(h), keep(param(params, 'q_proj.weight')), keep(param(params, 'q_proj.bias')));
    const o = ops.reshape(
      multiheadAttention(params, 'attention', ops.expandDims(q, 1), keep(kv), config.heads),
      [batch, config.dInput],
    );
    const gates = ops.add(
      ops.linear(o, keep(param(params, 'lstm.weight_ih')), keep(param(params, 'lstm.bias_ih'))),
      ops.linear(h, keep(param(params, 'lstm.weight_hh')), keep(param(params, 'lstm.bias_hh'))),
    ); // [B, 4D]
    const [i, f, g, out] = ops.splitSizes(gates, [D, D, D, D], -1) as [Tensor, Tensor, Tensor, Tensor];
    c = ops.add(ops.mul(ops.sigmoid(f), c), ops.mul(ops.sigmoid(i), ops.tanh(g)));
    h = ops.mul(ops.sigmoid(out), ops.tanh(keep(c)));
    const y = ops.linear(keep(h), keep(param(params, 'output_projector.0.weight')), keep(param(params, 'output_projector.0.bias')));
    perTick.push(ops.reshape(y, [batch, config.groups, config.classes]));
  }
  kv.dispose();
  h.dispose();
  c.dispose();
  const logits = ops.stack(perTick, 1); // [B, T, G, K]
  return { logits: keep(logits), certainty: certaintyOf(logits) };
}
