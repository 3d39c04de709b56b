import { SafetensorsFormatError } from './errors.js';

/** One float32 tensor: row-major data and its shape. */
export interface NamedTensor {
  shape: number[];
  data: Float32Array;
}

/** Tensors by name, as a safetensors file holds them, plus its free-form string metadata. */
export interface TensorFile {
  tensors: Map<string, NamedTensor>;
  metadata: Record<string, string>;
}

const BYTES_F32 = 4;
const MAX_HEADER_BYTES = 100_000_000;

/**
 * Parses a safetensors file (8-byte little-endian header length, JSON header, data). Reads F32,
 * F16, BF16 and F64 tensors into float32.
 *
 * @example const { tensors } = parseSafetensors(bytes, 'model.safetensors'); tensors.get('in_embedding.weight');
 */
export function parseSafetensors(bytes: Uint8Array, source = 'safetensors data'): TensorFile {
  if (bytes.length < 8) throw new SafetensorsFormatError(source, `the file has ${bytes.length} bytes, fewer than the 8-byte header length`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = Number(view.getBigUint64(0, true));
  if (headerLength > MAX_HEADER_BYTES || 8 + headerLength > bytes.length) {
    throw new SafetensorsFormatError(source, `header length ${headerLength} does not fit in a file of ${bytes.length} bytes`);
  }
  let header: Record<string, unknown>;
  try {
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + headerLength))) as Record<string, unknown>;
  } catch (error) {
    throw new SafetensorsFormatError(source, `the header is not JSON (${(error as Error).message})`);
  }
  const dataStart = 8 + headerLength;
  const tensors = new Map<string, NamedTensor>();
  let metadata: Record<string, string> = {};
  for (const [name, entry] of Object.entries(header)) {
    if (name === '__metadata__') {
      metadata = entry as Record<string, string>;
      continue;
    }
    const { dtype, shape, data_offsets: offsets } = entry as { dtype: string; shape: number[]; data_offsets: [number, number] };
    const count = shape.reduce((a, b) => a * b, 1);
    const begin = dataStart + offsets[0];
    const end = dataStart + offsets[1];
    if (end > bytes.length || begin > end) throw new SafetensorsFormatError(source, `tensor '${name}' spans bytes ${offsets[0]}..${offsets[1]} beyond the file`);
    tensors.set(name, { shape: [...shape], data: decode(bytes, begin, end, dtype, count, name, source) });
  }
  return { tensors, metadata };
}

function decode(bytes: Uint8Array, begin: number, end: number, dtype: string, count: number, name: string, source: string): Float32Array {
  const width = { F32: 4, F16: 2, BF16: 2, F64: 8 }[dtype];
  if (width === undefined) throw new SafetensorsFormatError(source, `tensor '${name}' has dtype ${dtype}; only F32, F16, BF16 and F64 are read`);
  if (end - begin !== width * count) {
    throw new SafetensorsFormatError(source, `tensor '${name}' has ${end - begin} bytes, expected ${width * count} for ${count} ${dtype} values`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset + begin, end - begin);
  const out = new Float32Array(count);
  for (let i = 0; i < count; i++) {
    if (dtype === 'F32') out[i] = view.getFloat32(i * 4, true);
    else if (dtype === 'F64') out[i] = view.getFloat64(i * 8, true);
    else if (dtype === 'BF16') out[i] = bf16(view.getUint16(i * 2, true));
    else out[i] = f16(view.getUint16(i * 2, true));
  }
  return out;
}

const scratch = new DataView(new ArrayBuffer(4));
function bf16(bits: number): number {
  scratch.setUint32(0, bits << 16);
  return scratch.getFloat32(0);
}

function f16(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exp = (bits >> 10) & 0x1f;
  const frac = bits & 0x3ff;
  if (exp === 0) return sign * 2 ** -14 * (frac / 1024);
  if (exp === 0x1f) return frac ? NaN : sign * Infinity;
  return sign * 2 ** (exp - 15) * (1 + frac / 1024);
}

/**
 * Serialises float32 tensors as a safetensors file (tensors sorted by name, as the reference
 * library writes them, data 8-byte aligned through header padding).
 *
 * @example const bytes = serializeSafetensors(new Map([['w', { shape: [2], data: new Float32Array([1, 2]) }]]));
 */
export function serializeSafetensors(tensors: ReadonlyMap<string, NamedTensor>, metadata: Record<string, string> = {}): Uint8Array {
  const names = [...tensors.keys()].sort();
  const header: Record<string, unknown> = {};
  if (Object.keys(metadata).length > 0) header['__metadata__'] = metadata;
  let offset = 0;
  for (const name of names) {
    const t = tensors.get(name)!;
    const count = t.shape.reduce((a, b) => a * b, 1);
    if (count !== t.data.length) throw new SafetensorsFormatError(name, `shape [${t.shape.join(', ')}] needs ${count} values, the data has ${t.data.length}`);
    header[name] = { dtype: 'F32', shape: t.shape, data_offsets: [offset, offset + count * BYTES_F32] };
    offset += count * BYTES_F32;
  }
  const raw = new TextEncoder().encode(JSON.stringify(header));
  const headerBytes = new Uint8Array(Math.ceil(raw.length / 8) * 8).fill(0x20);
  headerBytes.set(raw);
  const out = new Uint8Array(8 + headerBytes.length + offset);
  new DataView(out.buffer).setBigUint64(0, BigInt(headerBytes.length), true);
  out.set(headerBytes, 8);
  let pos = 8 + headerBytes.length;
  const le = new DataView(out.buffer);
  for (const name of names) {
    const { data } = tensors.get(name)!;
    for (let i = 0; i < data.length; i++) le.setFloat32(pos + i * 4, data[i]!, true);
    pos += data.length * BYTES_F32;
  }
  return out;
}
