import { createHash, type Hash } from 'node:crypto';
import { CorpusError } from '../errors.js';
import type { LossMaskKind, TokenSequence } from '../encode.js';
import {
  bytesPerId,
  dtypeFor,
  encodeShardTail,
  maskStartOf,
  sectionLayout,
  SHARD_MAGIC,
  SHARD_VERSION,
  type ShardDType,
  type ShardHeader,
} from '../shard-format.js';
import type { IdArray, Split } from '../types.js';
import { AtomicFile } from './atomic.js';

/** Bytes buffered before each write to disk. */
const CHUNK_BYTES = 1 << 22;

/** Options of a shard writer. */
export interface ShardWriterOptions {
  vocabSize: number;
  /** The loss mask the records carry (recorded in the header). */
  lossMask: LossMaskKind | 'custom';
  meta?: Record<string, unknown>;
}

/** What a finished shard is: its path, size, checksum and counts. */
export interface ShardSummary {
  path: string;
  bytes: number;
  sha256: string;
  count: number;
  tokens: number;
  dtype: ShardDType;
}

/**
 * Writes a binary shard (see `shard-format.ts`) to a temporary file beside `path`, streaming ids
 * in large chunks; `close()` appends the index and header and renames it into place.
 *
 * @example
 * const w = new ShardWriter('train.shard', { vocabSize: 117, lossMask: 'all' });
 * w.appendIds(ids, 0, ids.length, 11, 1, 'train');
 * const summary = w.close();
 */
export class ShardWriter {
  readonly dtype: ShardDType;
  private readonly file: AtomicFile;
  private readonly hash: Hash = createHash('sha256');
  private readonly chunk: Uint8Array;
  private readonly chunkView: IdArray;
  private readonly k: number;
  private fill = 0; // in ids
  private count = 0;
  private tokens = 0;
  private offsets = new Float64Array(1024);
  private promptLengths = new Uint32Array(1024);
  private maskStarts = new Uint32Array(1024);
  private splits = new Uint8Array(1024);
  private closed = false;

  constructor(
    readonly path: string,
    private readonly options: ShardWriterOptions,
  ) {
    if (!(Number.isSafeInteger(options.vocabSize) && options.vocabSize >= 1)) {
      throw new CorpusError(`shard writer needs vocabSize to be an integer ≥ 1, got ${options.vocabSize}`, 'vocabSize');
    }
    this.dtype = dtypeFor(options.vocabSize);
    this.k = bytesPerId(this.dtype);
    this.chunk = new Uint8Array(CHUNK_BYTES);
    this.chunkView = this.k === 1 ? this.chunk : this.k === 2 ? new Uint16Array(this.chunk.buffer) : new Int32Array(this.chunk.buffer);
    this.file = new AtomicFile(path);
    this.emit(new TextEncoder().encode(SHARD_MAGIC));
  }

  private emit(bytes: Uint8Array): void {
    this.file.write(bytes);
    this.hash.update(bytes);
  }

  private flush(): void {
    if (this.fill === 0) return;
    this.emit(this.chunk.subarray(0, this.fill * this.k));
    this.fill = 0;
  }

  private grow(): void {
    const size = this.splits.length * 2;
    const f = new Float64Array(size + 1);
    f.set(this.offsets);
    this.offsets = f;
    const p = new Uint32Array(size);
    p.set(this.promptLengths);
    this.promptLengths = p;
    const m = new Uint32Array(size);
    m.set(this.maskStarts);
    this.maskStarts = m;
    const s = new Uint8Array(size);
    s.set(this.splits);
    this.splits = s;
  }

  /** Appends ids[start, end) as one record. Ids must lie in [0, vocabSize). */
  appendIds(ids: ArrayLike<number>, start: number, end: number, promptLength: number, maskStart: number, split: Split): void {
    const vocab = this.options.vocabSize;
    for (let i = start; i < end; i++) {
      const id = ids[i]!;
      if (!(id >= 0 && id < vocab)) throw new CorpusError(`shard ${this.path}: id ${id} at position ${i - start} of record ${this.count} is outside [0, ${vocab})`, 'ids');
    }
    this.appendChecked(ids, start, end, promptLength, maskStart, split);
  }

  /**
   * `appendIds` without the id range check, for ids that come from an encoder of the shard's
   * vocabulary (the dataset writer's hot path).
   */
  appendChecked(ids: ArrayLike<number>, start: number, end: number, promptLength: number, maskStart: number, split: Split): void {
    if (this.closed) throw new CorpusError(`shard ${this.path} is already closed`, 'path');
    if (this.count + 1 >= this.splits.length) this.grow();
    let pos = start;
    const capacity = this.chunkView.length;
    while (pos < end) {
      const take = Math.min(end - pos, capacity - this.fill);
      const view = this.chunkView;
      // A plain loop: TypedArray.set across element types (Int32 → Uint8) is much slower in V8.
      const base = this.fill - pos;
      for (let i = pos; i < pos + take; i++) view[base + i] = ids[i]!;
      this.fill += take;
      pos += take;
      if (this.fill === capacity) this.flush();
    }
    this.promptLengths[this.count] = promptLength;
    this.maskStarts[this.count] = maskStart;
    this.splits[this.count] = split === 'test' ? 1 : 0;
    this.tokens += end - start;
    this.count++;
    this.offsets[this.count] = this.tokens;
  }

  /**
   * Appends a record of `length` ids that `fill(out, offset)` writes straight into the chunk buffer
   * (ids must lie in [0, vocabSize)): the zero-copy hot path of `writeDataset`.
   */
  appendWith(length: number, promptLength: number, maskStart: number, split: Split, fill: (out: IdArray, offset: number) => void): void {
    if (this.closed) throw new CorpusError(`shard ${this.path} is already closed`, 'path');
    if (length > this.chunkView.length) {
      const ids = new Int32Array(length);
      fill(ids, 0);
      this.appendChecked(ids, 0, length, promptLength, maskStart, split);
      return;
    }
    if (this.fill + length > this.chunkView.length) this.flush();
    if (this.count + 1 >= this.splits.length) this.grow();
    fill(this.chunkView, this.fill);
    this.fill += length;
    this.promptLengths[this.count] = promptLength;
    this.maskStarts[this.count] = maskStart;
    this.splits[this.count] = split === 'test' ? 1 : 0;
    this.tokens += length;
    this.count++;
    this.offsets[this.count] = this.tokens;
  }

  /** Appends a record; its loss mask must be zeros then ones. */
  append(sequence: TokenSequence, promptLength?: number): void {
    const maskStart = maskStartOf(sequence.lossMask);
    this.appendIds(sequence.ids, 0, sequence.ids.length, promptLength ?? maskStart, maskStart, sequence.split);
  }

  get records(): number {
    return this.count;
  }

  /** Writes the index, header and footer, and renames the file into place. */
  close(extraMeta: Record<string, unknown> = {}): ShardSummary {
    if (this.closed) throw new CorpusError(`shard ${this.path} is already closed`, 'path');
    this.flush();
    const idBytes = this.tokens * this.k;
    const layout = sectionLayout(idBytes, this.count);
    const header: ShardHeader = {
      format: 'cotlab-shard',
      version: SHARD_VERSION,
      dtype: this.dtype,
      count: this.count,
      tokens: this.tokens,
      vocabSize: this.options.vocabSize,
      lossMask: this.options.lossMask,
      sections: { ids: layout.ids, offsets: layout.offsets, promptLengths: layout.promptLengths, maskStarts: layout.maskStarts, splits: layout.splits },
      meta: { ...this.options.meta, ...extraMeta },
    };
    const tail = encodeShardTail(header, { offsets: this.offsets, promptLengths: this.promptLengths, maskStarts: this.maskStarts, splits: this.splits }, idBytes);
    try {
      this.emit(tail);
      this.file.commit();
    } catch (error) {
      this.file.discard();
      throw error;
    } finally {
      this.closed = true;
    }
    return { path: this.path, bytes: this.file.bytes, sha256: this.hash.digest('hex'), count: this.count, tokens: this.tokens, dtype: this.dtype };
  }

  /** Abandons the shard: removes the temporary file. */
  discard(): void {
    this.closed = true;
    this.file.discard();
  }
}

/**
 * Writes token sequences (sync or async iterable) to a shard file atomically.
 *
 * @example await writeShard('train.shard', datasetSequences(task, { split: 'train', count: 1000 }), { vocabSize: 117, lossMask: 'all' });
 */
export async function writeShard(path: string, sequences: Iterable<TokenSequence> | AsyncIterable<TokenSequence>, options: ShardWriterOptions): Promise<ShardSummary> {
  const writer = new ShardWriter(path, options);
  try {
    for await (const seq of sequences) writer.append(seq);
  } catch (error) {
    writer.discard();
    throw error;
  }
  return writer.close();
}
