import { keep, ops, type ParamTree, type Tensor } from '../runtime';

/**
 * PyTorch `nn.MultiheadAttention` (batch-first) with the state-dict names under `prefix`:
 * `in_proj_weight` [3d, d] (rows: query, key, value), `in_proj_bias` [3d], `out_proj.weight` [d, d], `out_proj.bias`.
 *
 * query [B, Lq, d], keyValue [B, Lk, d] (keys and values are the same tensor, as in the CTM and LSTM) → [B, Lq, d].
 * `mask` [Lq, Lk] is added to the scores (0 = attend, large negative = blocked). Consumes query, keyValue, mask;
 * reads (keeps) the parameters.
 */
export function multiheadAttention(
  params: ParamTree,
  prefix: string,
  query: Tensor,
  keyValue: Tensor,
  heads: number,
  mask?: Tensor,
): Tensor {
  const [batch, queryLen, dim] = query.shape as [number, number, number];
  const keyLen = keyValue.shape[1]!;
  const headDim = dim / heads;
  const [wq, wk, wv] = ops.splitSizes(keep(param(params, `${prefix}.in_proj_weight`)), [dim, dim, dim], 0);
  const [bq, bk, bv] = ops.splitSizes(keep(param(params, `${prefix}.in_proj_bias`)), [dim, dim, dim], 0);
  // [B, L, d] → [B, h, L, d/h]
  const split = (x: Tensor, len: number) => ops.transpose(ops.reshape(x, [batch, len, heads, headDim]), [0, 2, 1, 3]);
  const q = split(ops.linear(query, wq!, bq!), queryLen);
  const k = split(ops.linear(keep(keyValue), wk!, bk!), keyLen);
  const v = split(ops.linear(keyValue, wv!, bv!), keyLen);
  let scores = ops.mul(ops.matmul(q, ops.transpose(k, [0, 1, 3, 2])), 1 / Math.sqrt(headDim)); // [B, h, Lq, Lk]
  if (mask) scores = ops.add(scores, mask);
  const mixed = ops.matmul(ops.softmax(scores, -1), v); // [B, h, Lq, d/h]
  const merged = ops.reshape(ops.transpose(mixed, [0, 2, 1, 3]), [batch, queryLen, dim]);
  return ops.linear(merged, keep(param(params, `${prefix}.out_proj.weight`)), keep(param(params, `${prefix}.out_proj.bias`)));
}

/** A named parameter, or an error that names it (a checkpoint missing a tensor fails here, not with undefined). */
export function param(params: ParamTree, name: string): Tensor {
  const t = params[name];
  if (!t) throw new Error(`parameter ${name} is missing`);
  return t;
}
