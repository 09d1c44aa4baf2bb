import { fromFloat32, fromFloat64, fromInt32, keep, toFloat32, toInt32, type ParamTree } from '../runtime';
import type { HostTensor } from './safetensors';

/** Host tensors (from a safetensors file) → runtime tensors: F32/F64 stay float, I32/I64 become int32. */
export function toRuntimeTensors(host: Record<string, HostTensor>): ParamTree {
  const out: ParamTree = {};
  for (const [name, t] of Object.entries(host)) {
    if (t.dtype === 'F32') out[name] = fromFloat32(t.data, t.shape);
    else if (t.dtype === 'F64') out[name] = fromFloat64(t.data, t.shape);
    else out[name] = fromInt32(t.data, t.shape);
  }
  return out;
}

/**
 * Runtime tensors → host tensors for saving (does NOT consume the tree). Float tensors are written as F32,
 * int32 tensors as I64 (PyTorch stores index buffers as int64, so files stay loadable by torch).
 */
export function toHostTensors(tensors: ParamTree): Record<string, HostTensor> {
  const out: Record<string, HostTensor> = {};
  for (const [name, t] of Object.entries(tensors)) {
    if (t.dtype === 'int32') out[name] = { dtype: 'I64', shape: t.shape, data: toInt32(keep(t)) };
    else out[name] = { dtype: 'F32', shape: t.shape, data: toFloat32(keep(t)) };
  }
  return out;
}
