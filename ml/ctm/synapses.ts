import { keep, ops, type Tensor } from '../runtime';
import type { CtmConfig } from './config';
import { unetWidths } from './config';
import type { ParamReader } from './params';

/**
 * Synapses f_syn: [o ; z] (width d + D) → pre-activations a (width D), ctm.md §1.5. Dropout is not implemented
 * (the reference runs use 0).
 *
 * depth 1 (keys `synapses.1.*` Linear, `synapses.3.*` LayerNorm; .0 Dropout and .2 GLU have none):
 *   a = LN_D(GLU(W x + b)),  W [2D, d+D]
 * depth k ≥ 2, U-Net with widths w_0 = D > … > w_{k-1} = 16 (keys `synapses.first_projection.{0,1}`,
 * `synapses.down_projections.<i>.{1,2}`, `synapses.up_projections.<i>.{1,2}`, `synapses.skip_lns.<i>`):
 *   h_0 = SiLU(LN(W_in x)); h_{i+1} = SiLU(LN(W_down,i h_i)); u = h_{k-1};
 *   for i = k−2 … 0: u = LN_skip,i(SiLU(LN(W_up,i u)) + h_i);  a = u
 */
export function synapses(c: CtmConfig, p: ParamReader, x: Tensor): Tensor {
  if (c.synapseDepth === 1) {
    const gated = ops.glu(ops.linear(x, p('synapses.1.weight'), p('synapses.1.bias')));
    return ops.layerNorm(gated, p('synapses.3.weight'), p('synapses.3.bias'));
  }
  const block = (input: Tensor, linear: string, norm: string): Tensor =>
    ops.silu(ops.layerNorm(ops.linear(input, p(`${linear}.weight`), p(`${linear}.bias`)), p(`${norm}.weight`), p(`${norm}.bias`)));
  const blocks = unetWidths(c).length - 1;
  const down: Tensor[] = [block(x, 'synapses.first_projection.0', 'synapses.first_projection.1')];
  for (let i = 0; i < blocks; i++) {
    // keep(): h_i feeds the next block now and its skip connection later.
    down.push(block(keep(down[i] as Tensor), `synapses.down_projections.${i}.1`, `synapses.down_projections.${i}.2`));
  }
  let up = down[blocks] as Tensor;
  for (let i = blocks - 1; i >= 0; i--) {
    const lifted = block(up, `synapses.up_projections.${i}.1`, `synapses.up_projections.${i}.2`);
    up = ops.layerNorm(ops.add(lifted, down[i] as Tensor), p(`synapses.skip_lns.${i}.weight`), p(`synapses.skip_lns.${i}.bias`));
  }
  return up;
}
