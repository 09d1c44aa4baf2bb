import { fromFloat32, ops, type Tensor } from '../runtime';
import type { CtmConfig } from './config';
import type { ParamReader } from './params';

/**
 * Token featuriser, computed once per input (ctm.md §1.2):
 *   e_p = E[token_p]                      (backbone.embedding.weight [vocab, d]; parity: token 1 ⇔ x_p = +1)
 *   pos_p = W_pe (−sin θ_p, cos θ_p) + b   (positional_embedding.projection [d, 2]), θ_p = π·p/(L−1)
 *   kv_p = LN(W_kv (e_p + pos_p) + b)     (kv_proj.0 Linear [d, d], kv_proj.1 LayerNorm)
 * tokens [B, L] int32 → kv [B, L, d]. Consumes `tokens`.
 */
export function featurise(c: CtmConfig, p: ParamReader, tokens: Tensor): Tensor {
  const length = tokens.shape[1] as number;
  let features = ops.take(p('backbone.embedding.weight'), tokens, 0); // [B, L, d]
  if (c.positionalEmbedding === 'custom-rotational-1d') {
    const positions = ops.linear(halfCircle(length), p('positional_embedding.projection.weight'), p('positional_embedding.projection.bias'));
    features = ops.add(features, positions); // [L, d] broadcast over B
  }
  const projected = ops.linear(features, p('kv_proj.0.weight'), p('kv_proj.0.bias'));
  return ops.layerNorm(projected, p('kv_proj.1.weight'), p('kv_proj.1.bias'));
}

/** The unit vectors (0, 1) rotated by θ_p = π·p/(L−1) (degrees linspace(0, 180, L)): [L, 2] rows (−sin θ, cos θ). */
export function halfCircle(length: number): Tensor {
  const data = new Float32Array(length * 2);
  for (let p = 0; p < length; p++) {
    const theta = length > 1 ? (Math.PI * p) / (length - 1) : 0;
    data[2 * p] = -Math.sin(theta);
    data[2 * p + 1] = Math.cos(theta);
  }
  return fromFloat32(data, [length, 2]);
}
