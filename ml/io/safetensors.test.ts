import { describe, expect, it } from 'vitest';
import { parseSafetensors, serializeSafetensors, type HostTensor } from './safetensors';

describe('safetensors', () => {
  it('round-trips F32, F64, I32 and I64 tensors with metadata, 8-byte aligned', () => {
    const tensors: Record<string, HostTensor> = {
      weight: { dtype: 'F32', shape: [2, 3], data: new Float32Array([1, -2, 3.5, 4, 5, 6]) },
      precise: { dtype: 'F64', shape: [2], data: new Float64Array([Math.PI, -1e-300]) },
      ids: { dtype: 'I32', shape: [3], data: new Int32Array([0, -7, 2147483647]) },
      index: { dtype: 'I64', shape: [1, 2], data: new Int32Array([5, -3]) },
    };
    const bytes = serializeSafetensors(tensors, { config: '{"d": 1}' });
    const headerLength = Number(new DataView(bytes.buffer).getBigUint64(0, true));
    expect((8 + headerLength) % 8).toBe(0);
    const back = parseSafetensors(bytes);
    expect(back.metadata).toEqual({ config: '{"d": 1}' });
    expect(Object.keys(back.tensors)).toEqual(['weight', 'precise', 'ids', 'index']);
    for (const [name, t] of Object.entries(tensors)) {
      expect(back.tensors[name]?.dtype).toBe(t.dtype);
      expect(back.tensors[name]?.shape).toEqual(t.shape);
      expect(Array.from(back.tensors[name]?.data ?? [])).toEqual(Array.from(t.data));
    }
  });

  it('reads tensors at unaligned offsets out of a Node Buffer', () => {
    const bytes = serializeSafetensors({
      a: { dtype: 'I32', shape: [1], data: new Int32Array([9]) },
      b: { dtype: 'F64', shape: [1], data: new Float64Array([0.25]) },
    });
    const padded = Buffer.concat([Buffer.from([1, 2, 3]), Buffer.from(bytes)]).subarray(3);
    expect(Array.from(parseSafetensors(padded).tensors.b?.data ?? [])).toEqual([0.25]);
  });

  it('names the file and tensor when offsets do not match the shape', () => {
    const bytes = serializeSafetensors({ a: { dtype: 'F32', shape: [2], data: new Float32Array([1, 2]) } });
    const text = new TextDecoder().decode(bytes).replace('"shape":[2]', '"shape":[3]');
    expect(() => parseSafetensors(new TextEncoder().encode(text), 'x.safetensors')).toThrow(/x\.safetensors: tensor a: offsets/);
  });

  it('rejects int64 values that do not fit in int32', () => {
    const bytes = serializeSafetensors({ i: { dtype: 'I64', shape: [1], data: new Int32Array([1]) } });
    const view = new DataView(bytes.buffer);
    const headerLength = Number(view.getBigUint64(0, true));
    view.setBigInt64(8 + headerLength, 1n << 40n, true);
    expect(() => parseSafetensors(bytes)).toThrow(/does not fit in int32/);
  });
});
