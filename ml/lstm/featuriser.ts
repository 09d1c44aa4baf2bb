import { fromFloat32, keep, ops, type ParamTree, type Tensor } from '../runtime';
import type { ParamBuilder } from '../train/param-init';
import { param } from '../transformer/attention';

/**
 * The CTM's token featuriser (ctm.md §1.2), with the CTM's parameter names: a learned token table, a learned map
 * of the "custom-rotational-1d" half-circle positions, then kv = LayerNorm(Linear(e + pos)). The LSTM baseline
 * must see its input exactly as the CTM does, so that the comparison is about the recurrent core alone.
 */
export function addFeaturiserParams(b: ParamBuilder, vocab: number, dInput: number): void {
  b.normal('backbone.embedding.weight', [vocab, dInput], 1);
  b.linear('positional_embedding.projection', 2, dInput);
  b.linear('kv_proj.0', dInput, dInput);
  b.layerNorm('kv_proj.1', dInput);
}

/** The fixed unit vectors (−sin θ_p, cos θ_p), θ_p = π·p/(L−1): [L, 2]. */
function halfCircle(length: number): Tensor {
  const data = new Float32Array(length * 2);
  for (let p = 0; p < length; p++) {
    const theta = (Math.PI * p) / (length - 1);
    data[2 * p] = -Math.sin(theta);
    data[2 * p + 1] = Math.cos(theta);
  }
  return fromFloat32(data, [length, 2]);
}

/** tokens [B, L] int32 → kv [B, L, d]. Reads the parameters; consumes `tokens`. */
export function featurise(params: ParamTree, tokens: Tensor): Tensor {
  const length = tokens.shape[1]!;
  const embedded = ops.take(keep(param(params, 'backbone.embedding.weight')), tokens, 0);
  const positions = ops.linear(
    halfCircle(length),
    keep(param(params, 'positional_embedding.projection.weight')),
    keep(param(params, 'positional_embedding.projection.bias')),
  );
  const projected = ops.linear(
    ops.add(embedded, positions),
    keep(param(params, 'kv_proj.0.weight')),
    keep(param(params, 'kv_proj.0.bias')),
  );
  return ops.layerNorm(projected, keep(param(params, 'kv_proj.1.weight')), keep(param(params, 'kv_proj.1.bias')));
}
