import { MalformedDataError } from './errors.js';
import { makeLossMask, type LossMaskKind, type TokenSequence } from './encode.js';
import type { Split } from './types.js';

/**
 * cotlab's binary shard, version 1 (all integers little-endian, every section 8-byte aligned):
 *
 * | section        | bytes                                                      |
 * |----------------|------------------------------------------------------------|
 * | magic          | `CTLBSHD1` (8)                                             |
 * | ids            | tokens × 1, 2 or 4 (uint8 / uint16 / int32, by vocab size) |
 * | offsets        | (count + 1) × u64: record i is ids[offsets[i], offsets[i+1]) |
 * | promptLengths  | count × u32                                                |
 * | maskStarts     | count × u32: lossMask[j] = 1 for j ≥ maskStart             |
 * | splits         | count × u8: 0 train, 1 test                                |
 * | header         | UTF-8 JSON ({@link ShardHeader})                           |
 * | footer         | u64 header offset, u32 header bytes, `CTLB` (16)           |
 *
 * The index sits after the ids so that a writer can stream ids to disk and append the index at
 * the end; a reader reads the footer, the header and the index, then streams the ids.
 */
export const SHARD_MAGIC = 'CTLBSHD1';
export const SHARD_FOOTER_MAGIC = 'CTLB';
export const SHARD_FOOTER_BYTES = 16;
export const SHARD_VERSION = 1;

export type ShardDType = 'uint8' | 'uint16' | 'int32';

/** The JSON header of a shard. */
export interface ShardHeader {
  format: 'cotlab-shard';
  version: number;
  dtype: ShardDType;
  count: number;
  tokens: number;
  vocabSize: number;
  /** The loss mask the records were written with. */
  lossMask: LossMaskKind | 'custom';
  /** Byte offsets of the sections. */
  sections: { ids: number; offsets: number; promptLengths: number; maskStarts: number; splits: number };
  /** Free-form description: task, params, seed, split, vocabulary… */
  meta: Record<string, unknown>;
}

/**
 * The smallest id type that holds every id of a vocabulary of `vocabSize` symbols.
 *
 * @example dtypeFor(117) // 'uint8'
 */
export function dtypeFor(vocabSize: number): ShardDType {
  return vocabSize <= 256 ? 'uint8' : vocabSize <= 65536 ? 'uint16' : 'int32';
}

export function bytesPerId(dtype: ShardDType): number {
  return dtype === 'uint8' ? 1 : dtype === 'uint16' ? 2 : 4;
}

export function align8(n: number): number {
  return Math.ceil(n / 8) * 8;
}

/** A record's loss-mask start; the mask must be zeros then ones (every cotlab mask is). */
export function maskStartOf(lossMask: ArrayLike<number>): number {
  let start = lossMask.length;
  for (let i = 0; i < lossMask.length; i++) {
    if (lossMask[i] !== 0) {
      start = i;
      break;
    }
  }
  for (let i = start; i < lossMask.length; i++) {
    if (lossMask[i] === 0) throw new MalformedDataError('lossMask', `shards store loss masks of the form 0…0 1…1, got a 0 at position ${i} after a 1 at ${start}`);
  }
  return start;
}

/** The index of a shard: where each record starts, its prompt length, mask start and split. */
export interface ShardIndex {
  offsets: Float64Array;
  promptLengths: Uint32Array;
  maskStarts: Uint32Array;
  splits: Uint8Array;
}

/** Layout of the sections after the ids, given the id bytes and the record count. */
export function sectionLayout(idBytes: number, count: number): ShardHeader['sections'] & { header: number } {
  const ids = SHARD_MAGIC.length;
  const offsets = align8(ids + idBytes);
  const promptLengths = offsets + (count + 1) * 8;
  const maskStarts = align8(promptLengths + count * 4);
  const splits = align8(maskStarts + count * 4);
  const header = align8(splits + count);
  return { ids, offsets, promptLengths, maskStarts, splits, header };
}

/** Serialises the index sections, the header and the footer that follow the ids. */
export function encodeShardTail(header: ShardHeader, index: ShardIndex, idBytes: number): Uint8Array {
  const layout = sectionLayout(idBytes, header.count);
  const base = layout.offsets;
  const json = new TextEncoder().encode(JSON.stringify(header));
  const total = layout.header - base + json.length + SHARD_FOOTER_BYTES;
  const out = new Uint8Array(align8(SHARD_MAGIC.length + idBytes) - SHARD_MAGIC.length - idBytes + total);
  const pad = align8(SHARD_MAGIC.length + idBytes) - SHARD_MAGIC.length - idBytes;
  const view = new DataView(out.buffer);
  const rel = (abs: number): number => pad + abs - base;
  for (let i = 0; i <= header.count; i++) view.setBigUint64(rel(layout.offsets) + i * 8, BigInt(index.offsets[i]!), true);
  for (let i = 0; i < header.count; i++) {
    view.setUint32(rel(layout.promptLengths) + i * 4, index.promptLengths[i]!, true);
    view.setUint32(rel(layout.maskStarts) + i * 4, index.maskStarts[i]!, true);
  }
  out.set(index.splits.subarray(0, header.count), rel(layout.splits));
  out.set(json, rel(layout.header));
  const footer = rel(layout.header) + json.length;
  view.setBigUint64(footer, BigInt(layout.header), true);
  view.setUint32(footer + 8, json.length, true);
  out.set(new TextEncoder().encode(SHARD_FOOTER_MAGIC), footer + 12);
  return out;
}

/** Reads the footer (the last 16 bytes of a shard): where the header is and how long. */
export function parseShardFooter(footer: Uint8Array, source: string): { headerOffset: number; headerBytes: number } {
  if (footer.length !== SHARD_FOOTER_BYTES || new TextDecoder().decode(footer.subarray(12)) !== SHARD_FOOTER_MAGIC) {
    throw new MalformedDataError(source, `not a cotlab shard (no '${SHARD_FOOTER_MAGIC}' footer)`);
  }
  const view = new DataView(footer.buffer, footer.byteOffset, footer.byteLength);
  return { headerOffset: Number(view.getBigUint64(0, true)), headerBytes: view.getUint32(8, true) };
}

/** Parses and checks a shard header. */
export function parseShardHeader(bytes: Uint8Array, source: string): ShardHeader {
  let header: ShardHeader;
  try {
    header = JSON.parse(new TextDecoder().decode(bytes)) as ShardHeader;
  } catch (error) {
    throw new MalformedDataError(source, `shard header is not JSON (${(error as Error).message})`);
  }
  if (header.format !== 'cotlab-shard') throw new MalformedDataError(source, `header format is '${String(header.format)}', expected 'cotlab-shard'`);
  if (header.version !== SHARD_VERSION) throw new MalformedDataError(source, `shard version ${header.version}; this reader reads version ${SHARD_VERSION}`);
  if (!['uint8', 'uint16', 'int32'].includes(header.dtype)) throw new MalformedDataError(source, `unknown dtype '${header.dtype}'`);
  return header;
}

/** Parses the index sections from the bytes [sections.offsets, header offset). */
export function parseShardIndex(header: ShardHeader, bytes: Uint8Array, source: string): ShardIndex {
  const { count } = header;
  const base = header.sections.offsets;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const need = header.sections.splits - base + count;
  if (bytes.length < need) throw new MalformedDataError(source, `index is ${bytes.length} bytes, expected at least ${need}`);
  const offsets = new Float64Array(count + 1);
  for (let i = 0; i <= count; i++) offsets[i] = Number(view.getBigUint64(i * 8, true));
  const promptLengths = new Uint32Array(count);
  const maskStarts = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    promptLengths[i] = view.getUint32(header.sections.promptLengths - base + i * 4, true);
    maskStarts[i] = view.getUint32(header.sections.maskStarts - base + i * 4, true);
  }
  const splits = bytes.slice(header.sections.splits - base, header.sections.splits - base + count);
  if (offsets[count] !== header.tokens) throw new MalformedDataError(source, `index ends at token ${offsets[count]}, header says ${header.tokens} tokens`);
  return { offsets, promptLengths, maskStarts, splits };
}

/** Views a section of id bytes as ids of the shard's dtype (copying when unaligned). */
export function idsView(dtype: ShardDType, bytes: Uint8Array): Uint8Array | Uint16Array | Int32Array {
  const k = bytesPerId(dtype);
  if (k === 1) return bytes;
  const aligned = bytes.byteOffset % k === 0 ? bytes : bytes.slice();
  return k === 2 ? new Uint16Array(aligned.buffer, aligned.byteOffset, aligned.byteLength / 2) : new Int32Array(aligned.buffer, aligned.byteOffset, aligned.byteLength / 4);
}

/** Options of shard readers. */
export interface ReadShardOptions {
  /** Rebuild masks as `all` or `cot-answer` from the stored prompt lengths (default: as written). */
  lossMask?: LossMaskKind;
  /** Only records of this split. */
  split?: Split;
}

/** Builds record i from its ids. */
export function shardRecord(index: ShardIndex, i: number, ids: Int32Array, options: ReadShardOptions): TokenSequence {
  const split: Split = index.splits[i] === 1 ? 'test' : 'train';
  let lossMask: Uint8Array;
  if (options.lossMask !== undefined) lossMask = makeLossMask(ids.length, index.promptLengths[i]!, options.lossMask);
  else {
    lossMask = new Uint8Array(ids.length);
    lossMask.fill(1, index.maskStarts[i]);
  }
  return { ids, lossMask, split };
}

/** A shard held in memory (e.g. fetched in a browser). */
export interface Shard {
  header: ShardHeader;
  index: ShardIndex;
  /** Record i (0 ≤ i < count). */
  get(i: number, options?: ReadShardOptions): TokenSequence;
  records(options?: ReadShardOptions): Iterable<TokenSequence>;
}

/**
 * Parses a whole shard from bytes (browser-safe; `@cotlab/corpus/node` reads files).
 *
 * @example const shard = parseShard(new Uint8Array(await (await fetch(url)).arrayBuffer()));
 */
export function parseShard(bytes: Uint8Array, source = 'shard'): Shard {
  if (bytes.length < SHARD_MAGIC.length + SHARD_FOOTER_BYTES || new TextDecoder().decode(bytes.subarray(0, 8)) !== SHARD_MAGIC) {
    throw new MalformedDataError(source, `not a cotlab shard (no '${SHARD_MAGIC}' magic)`);
  }
  const { headerOffset, headerBytes } = parseShardFooter(bytes.subarray(bytes.length - SHARD_FOOTER_BYTES), source);
  const header = parseShardHeader(bytes.subarray(headerOffset, headerOffset + headerBytes), source);
  const index = parseShardIndex(header, bytes.subarray(header.sections.offsets, headerOffset), source);
  const k = bytesPerId(header.dtype);
  const ids = idsView(header.dtype, bytes.subarray(header.sections.ids, header.sections.ids + header.tokens * k));
  const get = (i: number, options: ReadShardOptions = {}): TokenSequence => {
    if (!(Number.isInteger(i) && i >= 0 && i < header.count)) throw new RangeError(`corpus: shard record index must be in [0, ${header.count}), got ${i}`);
    return shardRecord(index, i, Int32Array.from(ids.subarray(index.offsets[i], index.offsets[i + 1])), options);
  };
  return {
    header,
    index,
    get,
    *records(options: ReadShardOptions = {}) {
      for (let i = 0; i < header.count; i++) {
        if (options.split !== undefined && (index.splits[i] === 1 ? 'test' : 'train') !== options.split) continue;
        yield get(i, options);
      }
    },
  };
}
