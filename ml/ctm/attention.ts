import { keep, ops, type Tensor } from '../runtime';
import type { CtmConfig } from './config';
import type { ParamReader } from './params';

/**
 * Cross-attention with one query per sample, equal to PyTorch `nn.MultiheadAttention` (ctm.md §1.4) but with the
 * key/value projections applied ONCE per input instead of once per tick (kv does not change across ticks).
 * in_proj_weight [3d, d] rows [0:d] = W_Q, [d:2d] = W_K, [2d:3d] = W_V; heads are contiguous blocks of d/h.
 */
export type KeysValues = { keys: Tensor; values: Tensor }; // each [B, h, L, d/h]

/** kv [B, L, d] → per-head keys and values. Consumes kv. */
export function projectKeysValues(c: CtmConfig, p: ParamReader, kv: Tensor): KeysValues {
  const d = c.dInput;
  const [B, L] = kv.shape as [number, number, number];
  const heads = (x: Tensor): Tensor => ops.transpose(ops.reshape(x, [B, L, c.heads, d / c.heads]), [0, 2, 1, 3]);
  const project = (input: Tensor, block: number): Tensor =>
    ops.linear(
      input,
      ops.sliceAxis(p('attention.in_proj_weight'), 0, block * d, (block + 1) * d),
      ops.sliceAxis(p('attention.in_proj_bias'), 0, block * d, (block + 1) * d),
    );
  const keys = heads(project(keep(kv), 1));
  const values = heads(project(kv, 2));
  return { keys, values };
}

/** query q [B, d] → attention output o [B, d]. Consumes q; pass keep(keys), keep(values). */
export function attend(c: CtmConfig, p: ParamReader, q: Tensor, keys: Tensor, values: Tensor): Tensor {
  const d = c.dInput;
  const dh = d / c.heads;
  const B = q.shape[0] as number;
  const wq = ops.sliceAxis(p('attention.in_proj_weight'), 0, 0, d);
  const bq = ops.sliceAxis(p('attention.in_proj_bias'), 0, 0, d);
  const query = ops.reshape(ops.linear(q, wq, bq), [B, c.heads, dh]);
  const scores = ops.mul(ops.einsum('bhk,bhlk->bhl', query, keys), 1 / Math.sqrt(dh));
  const weights = ops.softmax(scores, -1); // [B, h, L]
  const mixed = ops.reshape(ops.einsum('bhl,bhlk->bhk', weights, values), [B, d]);
  return ops.linear(mixed, p('attention.out_proj.weight'), p('attention.out_proj.bias'));
}
