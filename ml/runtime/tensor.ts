import { numpy as np, tree } from '@jax-js/jax';

/**
 * Our tensor type. Today a jax-js `Array`; code outside ml/runtime/ treats it as opaque (read `.shape`, pass it to
 * our ops) so a backend swap stays inside this folder.
 *
 * OWNERSHIP RULE (jax-js's move semantics): every op and every read-back CONSUMES its tensor arguments. To use a
 * tensor again later, pass `keep(t)` instead of `t` for every use but the last. Forgetting `keep` throws
 * "Referenced tracer ... freed"; forgetting to consume leaks until `free(t)`.
 */
export type Tensor = np.Array;

/** A model's parameters (or gradients, or optimiser moments): flat name → tensor, names as in the PyTorch state_dict. */
export type ParamTree = Record<string, Tensor>;

export type FloatDType = 'float32' | 'float64';

const dtypes = { float32: np.float32, float64: np.float64, int32: np.int32 } as const;

function checkSize(length: number, shape: readonly number[], what: string): void {
  const size = shape.reduce((a, b) => a * b, 1);
  if (size !== length) throw new Error(`${what}: ${length} values do not fill shape [${shape.join(', ')}] (${size})`);
}

/** Float32 tensor from a flat row-major buffer (copied). */
export function fromFloat32(data: Float32Array, shape: readonly number[]): Tensor {
  checkSize(data.length, shape, 'fromFloat32');
  return np.array(data, { shape: [...shape], dtype: np.float32 });
}

/** Float64 tensor (used only for numerical gradient checks; jax-js evaluates exp/log at ~float32 precision). */
export function fromFloat64(data: Float64Array, shape: readonly number[]): Tensor {
  checkSize(data.length, shape, 'fromFloat64');
  return np.array(data, { shape: [...shape], dtype: np.float64 });
}

/** Int32 tensor (token ids, neuron-index buffers, class targets). */
export function fromInt32(data: Int32Array, shape: readonly number[]): Tensor {
  checkSize(data.length, shape, 'fromInt32');
  return np.array(data, { shape: [...shape], dtype: np.int32 });
}

/** Float tensor from plain numbers (small constants, tests). */
export function fromNumbers(values: readonly number[], shape: readonly number[], dtype: FloatDType = 'float32'): Tensor {
  return dtype === 'float64' ? fromFloat64(Float64Array.from(values), shape) : fromFloat32(Float32Array.from(values), shape);
}

export function zeros(shape: readonly number[], dtype: FloatDType | 'int32' = 'float32'): Tensor {
  return np.zeros([...shape], { dtype: dtypes[dtype] });
}

export function full(shape: readonly number[], value: number, dtype: FloatDType = 'float32'): Tensor {
  return np.full([...shape], value, { dtype: dtypes[dtype] });
}

/** Converts a float tensor to another float precision (consumes it). */
export function castFloat(t: Tensor, dtype: FloatDType): Tensor {
  return t.astype(dtypes[dtype]);
}

export function dtypeOf(t: Tensor): string {
  return t.dtype;
}

/** Reads a tensor back as float32, row-major (consumes it; blocks until computed). */
export function toFloat32(t: Tensor): Float32Array {
  const data = t.dtype === 'float32' ? t.dataSync() : t.astype(np.float32).dataSync();
  return data instanceof Float32Array ? data : Float32Array.from(data as ArrayLike<number>);
}

/** Reads a tensor back as float64 (consumes it). */
export function toFloat64(t: Tensor): Float64Array {
  const data = t.dtype === 'float64' ? t.dataSync() : t.astype(np.float64).dataSync();
  return data instanceof Float64Array ? data : Float64Array.from(data as ArrayLike<number>);
}

/** Reads an integer tensor back (consumes it). */
export function toInt32(t: Tensor): Int32Array {
  const data = t.dtype === 'int32' ? t.dataSync() : t.astype(np.int32).dataSync();
  return data instanceof Int32Array ? data : Int32Array.from(data as ArrayLike<number>);
}

/** Reads a one-element tensor as a number (consumes it). */
export function toScalar(t: Tensor): number {
  return t.item();
}

/** One more reference: pass `keep(t)` for every use of `t` except the last. */
export function keep<T extends Tensor>(t: T): T {
  return t.ref;
}

/** Extra references for a whole tree (e.g. params used by several calls). */
export function keepTree<T extends ParamTree>(params: T): T {
  return tree.ref(params);
}

/** Releases a tensor, or every tensor of a tree/list, that will not be consumed by an op. */
export function free(t: Tensor | ParamTree | readonly Tensor[] | null | undefined): void {
  if (t === null || t === undefined) return;
  if (Array.isArray(t)) for (const x of t) x.dispose();
  else if (t instanceof np.Array) t.dispose();
  else tree.dispose(t as ParamTree);
}
