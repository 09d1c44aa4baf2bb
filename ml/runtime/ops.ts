import { lax, nn, numpy as np } from '@jax-js/jax';
import type { Tensor } from './tensor';

/**
 * The tensor ops our models use: a curated, documented subset of jax-js (NumPy semantics, broadcasting).
 * Every op CONSUMES its tensor arguments (see tensor.ts); numbers are scalar constants.
 * Keep this list small: each entry is one thing a backend swap must provide.
 */

type Operand = Tensor | number;

// ---- elementwise ---------------------------------------------------------------------------------------------
export const add = (a: Operand, b: Operand): Tensor => np.add(a, b);
export const sub = (a: Operand, b: Operand): Tensor => np.subtract(a, b);
export const mul = (a: Operand, b: Operand): Tensor => np.multiply(a, b);
export const div = (a: Operand, b: Operand): Tensor => np.trueDivide(a, b);
export const neg = (a: Tensor): Tensor => np.negative(a);
export const exp = (a: Tensor): Tensor => np.exp(a);
/**
 * Natural log, refined: jax-js 0.1.25's wasm log is a 4-term series with up to 1.2e-5 absolute error, which showed
 * up in losses and certainties. One Newton step y ← y − 1 + x·e^(−y) brings it to exp's accuracy (~6e-7 rel);
 * the correction carries no gradient, so d/dx stays 1/x.
 */
export function log(a: Tensor): Tensor {
  const rough = np.log(a.ref);
  const correction = lax.stopGradient(np.subtract(np.multiply(a, np.exp(np.negative(rough.ref))), 1));
  return np.add(rough, correction);
}
export const sqrt = (a: Tensor): Tensor => np.sqrt(a);
export const square = (a: Tensor): Tensor => np.square(a);
export const sin = (a: Tensor): Tensor => np.sin(a);
export const cos = (a: Tensor): Tensor => np.cos(a);
export const tanh = (a: Tensor): Tensor => np.tanh(a);
export const maximum = (a: Operand, b: Operand): Tensor => np.maximum(a, b);
export const minimum = (a: Operand, b: Operand): Tensor => np.minimum(a, b);
/** Clamp to [lo, hi]. Gradient passes where lo ≤ x ≤ hi. */
export const clip = (a: Tensor, lo: number, hi: number): Tensor => np.clip(a, lo, hi);
/** where(cond, a, b): a where cond is true. */
export const where = (cond: Tensor, a: Operand, b: Operand): Tensor => np.where(cond, a, b);
export const less = (a: Operand, b: Operand): Tensor => np.less(a, b);
export const equal = (a: Operand, b: Operand): Tensor => np.equal(a, b);
/** Identity in the forward pass, zero gradient. */
export const stopGradient = (a: Tensor): Tensor => lax.stopGradient(a);

// ---- activations ---------------------------------------------------------------------------------------------
export const sigmoid = (a: Tensor): Tensor => nn.sigmoid(a);
export const silu = (a: Tensor): Tensor => nn.silu(a);
export const relu = (a: Tensor): Tensor => nn.relu(a);
/** GELU; `approximate: false` = PyTorch's default erf form. */
export const gelu = (a: Tensor, approximate = false): Tensor => nn.gelu(a, { approximate });
/** PyTorch `F.glu`: split `axis` into halves (u, v) → u ⊙ σ(v). */
export const glu = (a: Tensor, axis = -1): Tensor => nn.glu(a, axis);
export const softmax = (a: Tensor, axis = -1): Tensor => nn.softmax(a, axis);
/** log(softmax(a)) along `axis`, with the refined `log` above (jax-js's own logSoftmax uses the rough one). */
export function logSoftmax(a: Tensor, axis = -1): Tensor {
  const shifted = np.subtract(a.ref, lax.stopGradient(np.max(a, axis, { keepdims: true })));
  return np.subtract(shifted.ref, log(np.sum(np.exp(shifted), axis, { keepdims: true })));
}
/** One-hot float32 rows for int32 class ids. */
export const oneHot = (ids: Tensor, classes: number): Tensor => nn.oneHot(ids, classes);

// ---- reductions ----------------------------------------------------------------------------------------------
export const sum = (a: Tensor, axis?: number | number[], keepdims = false): Tensor => np.sum(a, axis ?? null, { keepdims });
export const mean = (a: Tensor, axis?: number | number[], keepdims = false): Tensor => np.mean(a, axis ?? null, { keepdims });
export const max = (a: Tensor, axis?: number | number[], keepdims = false): Tensor => np.max(a, axis ?? null, { keepdims });
/** Index of the first maximum along `axis` (int32, no gradient). */
export const argmax = (a: Tensor, axis: number): Tensor => np.argmax(a, axis);
/** Index of the first minimum along `axis` (int32, no gradient). */
export const argmin = (a: Tensor, axis: number): Tensor => np.argmin(a, axis);

// ---- linear algebra ------------------------------------------------------------------------------------------
/** Batched matrix product with NumPy broadcasting over leading axes. */
export const matmul = (a: Tensor, b: Tensor): Tensor => np.matmul(a, b);
/** Einstein summation, e.g. einsum('bdm,mhd->bdh', x, w). */
export const einsum = (subscripts: string, ...operands: Tensor[]): Tensor => np.einsum(subscripts, ...operands);

// ---- shape and indexing --------------------------------------------------------------------------------------
export const reshape = (a: Tensor, shape: readonly number[]): Tensor => np.reshape(a, [...shape]);
export const transpose = (a: Tensor, perm?: readonly number[]): Tensor => np.transpose(a, perm ? [...perm] : undefined);
export const broadcastTo = (a: Tensor, shape: readonly number[]): Tensor => np.broadcastTo(a, [...shape]);
export const expandDims = (a: Tensor, axis: number): Tensor => np.expandDims(a, axis);
export const squeeze = (a: Tensor, axis: number): Tensor => np.squeeze(a, axis);
export const concat = (xs: Tensor[], axis = -1): Tensor => np.concatenate(xs, axis);
export const stack = (xs: Tensor[], axis = 0): Tensor => np.stack(xs, axis);
/** Splits `axis` into pieces of the given sizes. */
export function splitSizes(a: Tensor, sizes: readonly number[], axis = -1): Tensor[] {
  const cuts: number[] = [];
  let at = 0;
  for (const size of sizes.slice(0, -1)) cuts.push((at += size));
  return np.split(a, cuts, axis);
}
/** Contiguous range [start, end) along one axis (negative indices count from the end). */
export function sliceAxis(a: Tensor, axis: number, start: number, end: number): Tensor {
  const rank = a.ndim;
  const ax = axis < 0 ? axis + rank : axis;
  const index: ([] | [number, number])[] = [];
  for (let i = 0; i < rank; i++) index.push(i === ax ? [start, end] : []);
  return a.slice(...index);
}
/** Gather whole slices along `axis` by int32 `indices` (PyTorch `index_select`/`x[:, idx]`); differentiable in `a`. */
export const take = (a: Tensor, indices: Tensor, axis: number): Tensor => np.take(a, indices, axis);
/** Per-position gather (`torch.gather`): out[..., i, ...] = a[..., indices[..., i, ...], ...]. */
export const takeAlongAxis = (a: Tensor, indices: Tensor, axis: number): Tensor => np.takeAlongAxis(a, indices, axis);

// ---- composites used by several models ----------------------------------------------------------------------
/** PyTorch `nn.Linear` with its own layout: weight [out, in], bias [out]; x [..., in] → [..., out]. */
export function linear(x: Tensor, weight: Tensor, bias?: Tensor): Tensor {
  const y = np.matmul(x, np.transpose(weight));
  return bias ? np.add(y, bias) : y;
}

/** PyTorch `nn.LayerNorm` over the last axis: biased variance, eps inside the square root. */
export function layerNorm(x: Tensor, gamma: Tensor, beta: Tensor, eps = 1e-5): Tensor {
  const centred = np.subtract(x.ref, np.mean(x, -1, { keepdims: true }));
  const variance = np.mean(np.square(centred.ref), -1, { keepdims: true });
  return np.add(np.multiply(np.multiply(centred, np.reciprocal(np.sqrt(np.add(variance, eps)))), gamma), beta);
}
