import { readFileSync, writeFileSync } from 'node:fs';
import { z } from 'zod';

/**
 * Safetensors reader/writer (https://github.com/huggingface/safetensors format): 8-byte little-endian header
 * length N, N bytes of JSON header { name: { dtype, shape, data_offsets: [begin, end] }, __metadata__?: {k: v} },
 * then the raw little-endian buffer (offsets are relative to its start).
 *
 * Our own ~100 lines rather than an npm package: the format is tiny and the JS packages for it are unmaintained.
 * Supported: F32, F64, I32, I64 (read into Int32Array — indices and ids only, range-checked).
 */

export type HostTensor =
  | { dtype: 'F32'; shape: number[]; data: Float32Array }
  | { dtype: 'F64'; shape: number[]; data: Float64Array }
  | { dtype: 'I32' | 'I64'; shape: number[]; data: Int32Array };

export type Safetensors = { tensors: Record<string, HostTensor>; metadata: Record<string, string> };

const entrySchema = z.object({
  dtype: z.string(),
  shape: z.array(z.number().int().nonnegative()),
  data_offsets: z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()]),
});
const metadataSchema = z.record(z.string(), z.string());

const byteWidth = { F32: 4, F64: 8, I32: 4, I64: 8 } as const;
type SupportedDType = keyof typeof byteWidth;
const isSupported = (dtype: string): dtype is SupportedDType => dtype in byteWidth;

/** Parses a safetensors buffer; `where` names the source in error messages. */
export function parseSafetensors(input: Uint8Array, where = 'safetensors buffer'): Safetensors {
  // A plain Uint8Array view: on a Node Buffer, slice() returns a view of a shared pool instead of a copy.
  const bytes = new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  if (bytes.length < 8) throw new Error(`${where}: too short for a safetensors header (${bytes.length} bytes)`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = Number(view.getBigUint64(0, true));
  if (8 + headerLength > bytes.length) throw new Error(`${where}: header length ${headerLength} exceeds the file size`);
  let header: unknown;
  try {
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + headerLength)));
  } catch (error) {
    throw new Error(`${where}: header is not JSON (${(error as Error).message})`, { cause: error });
  }
  if (typeof header !== 'object' || header === null) throw new Error(`${where}: header is not a JSON object`);
  const body = bytes.subarray(8 + headerLength);
  const tensors: Record<string, HostTensor> = {};
  let metadata: Record<string, string> = {};
  for (const [name, raw] of Object.entries(header)) {
    if (name === '__metadata__') {
      metadata = metadataSchema.parse(raw);
      continue;
    }
    const entry = entrySchema.safeParse(raw);
    if (!entry.success) throw new Error(`${where}: tensor ${name}: bad header entry (${entry.error.message})`);
    const { dtype, shape, data_offsets: [begin, end] } = entry.data;
    if (!isSupported(dtype)) throw new Error(`${where}: tensor ${name}: unsupported dtype ${dtype}`);
    const count = shape.reduce((a, b) => a * b, 1);
    if (end - begin !== count * byteWidth[dtype] || end > body.length) {
      throw new Error(`${where}: tensor ${name}: offsets [${begin}, ${end}] do not match shape [${shape}] × ${dtype}`);
    }
    // slice() copies, so the typed array is aligned whatever the offset.
    const chunk = body.slice(begin, end).buffer;
    tensors[name] = decode(dtype, shape, chunk, `${where}: tensor ${name}`);
  }
  return { tensors, metadata };
}

function decode(dtype: SupportedDType, shape: number[], chunk: ArrayBuffer, where: string): HostTensor {
  switch (dtype) {
    case 'F32':
      return { dtype, shape, data: new Float32Array(chunk) };
    case 'F64':
      return { dtype, shape, data: new Float64Array(chunk) };
    case 'I32':
      return { dtype, shape, data: new Int32Array(chunk) };
    case 'I64': {
      const wide = new BigInt64Array(chunk);
      const data = new Int32Array(wide.length);
      for (let i = 0; i < wide.length; i++) {
        const value = wide[i] as bigint;
        if (value < -2147483648n || value > 2147483647n) throw new Error(`${where}: I64 value ${value} does not fit in int32`);
        data[i] = Number(value);
      }
      return { dtype, shape, data };
    }
  }
}

/** Serialises tensors (in the given key order) and string metadata. */
export function serializeSafetensors(tensors: Record<string, HostTensor>, metadata: Record<string, string> = {}): Uint8Array {
  const header: Record<string, unknown> = {};
  if (Object.keys(metadata).length > 0) header.__metadata__ = metadata;
  const buffers: Uint8Array[] = [];
  let offset = 0;
  for (const [name, tensor] of Object.entries(tensors)) {
    const count = tensor.shape.reduce((a, b) => a * b, 1);
    if (count !== tensor.data.length) throw new Error(`tensor ${name}: ${tensor.data.length} values for shape [${tensor.shape}]`);
    const bytes = encode(tensor);
    header[name] = { dtype: tensor.dtype, shape: tensor.shape, data_offsets: [offset, offset + bytes.length] };
    buffers.push(bytes);
    offset += bytes.length;
  }
  let json = JSON.stringify(header);
  json += ' '.repeat((8 - ((8 + Buffer.byteLength(json)) % 8)) % 8); // keep the data 8-byte aligned, as the spec advises
  const headerBytes = new TextEncoder().encode(json);
  const out = new Uint8Array(8 + headerBytes.length + offset);
  new DataView(out.buffer).setBigUint64(0, BigInt(headerBytes.length), true);
  out.set(headerBytes, 8);
  let at = 8 + headerBytes.length;
  for (const bytes of buffers) {
    out.set(bytes, at);
    at += bytes.length;
  }
  return out;
}

function encode(tensor: HostTensor): Uint8Array {
  if (tensor.dtype === 'I64') {
    const wide = BigInt64Array.from(tensor.data, (x) => BigInt(x));
    return new Uint8Array(wide.buffer);
  }
  return new Uint8Array(tensor.data.buffer.slice(tensor.data.byteOffset, tensor.data.byteOffset + tensor.data.byteLength));
}

export function readSafetensorsFile(path: string): Safetensors {
  return parseSafetensors(readFileSync(path), path);
}

export function writeSafetensorsFile(path: string, tensors: Record<string, HostTensor>, metadata: Record<string, string> = {}): void {
  writeFileSync(path, serializeSafetensors(tensors, metadata));
}
