import { closeSync, openSync, readFileSync, readSync, fstatSync } from 'node:fs';
import { open } from 'node:fs/promises';
import type { TokenSequence } from '../encode.js';
import { MalformedDataError } from '../errors.js';
import {
  bytesPerId,
  idsView,
  parseShard,
  parseShardFooter,
  parseShardHeader,
  parseShardIndex,
  shardRecord,
  SHARD_FOOTER_BYTES,
  type ReadShardOptions,
  type Shard,
  type ShardHeader,
  type ShardIndex,
} from '../shard-format.js';

/** Ids read per disk read when streaming. */
const STREAM_CHUNK_BYTES = 1 << 22;

/**
 * Reads a whole shard file into memory.
 *
 * @example for (const { ids, lossMask } of readShard('train.shard').records()) …
 */
export function readShard(path: string): Shard {
  return parseShard(new Uint8Array(readFileSync(path)), path);
}

/**
 * Reads a shard's header and index (not its ids).
 *
 * @example readShardIndex('train.shard').header.count
 */
export function readShardIndex(path: string): { header: ShardHeader; index: ShardIndex } {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    if (size < 8 + SHARD_FOOTER_BYTES) throw new MalformedDataError(path, `${size} bytes is too short for a cotlab shard`);
    const read = (pos: number, length: number): Uint8Array => {
      const buf = new Uint8Array(length);
      let done = 0;
      while (done < length) {
        const n = readSync(fd, buf, done, length - done, pos + done);
        if (n === 0) throw new MalformedDataError(path, `file ends at byte ${pos + done}, expected ${pos + length}`);
        done += n;
      }
      return buf;
    };
    const { headerOffset, headerBytes } = parseShardFooter(read(size - SHARD_FOOTER_BYTES, SHARD_FOOTER_BYTES), path);
    const header = parseShardHeader(read(headerOffset, headerBytes), path);
    const index = parseShardIndex(header, read(header.sections.offsets, headerOffset - header.sections.offsets), path);
    return { header, index };
  } finally {
    closeSync(fd);
  }
}

/** A shard opened for streaming: header and index in memory, ids read in chunks. */
export interface OpenShard {
  header: ShardHeader;
  index: ShardIndex;
  /** Streams records in order (optionally one split, optionally with a rebuilt loss mask). */
  records(options?: ReadShardOptions): AsyncIterable<TokenSequence>;
}

/**
 * Opens a shard for streaming: memory stays at the index plus one chunk of ids however big the
 * file is. Each `records()` call streams from the start.
 *
 * @example
 * const shard = openShard('train.shard');
 * for await (const seq of shard.records({ lossMask: 'cot-answer' })) …
 */
export function openShard(path: string): OpenShard {
  const { header, index } = readShardIndex(path);
  const k = bytesPerId(header.dtype);
  return {
    header,
    index,
    async *records(options: ReadShardOptions = {}) {
      const handle = await open(path, 'r');
      try {
        let chunkStart = 0; // first token held in `ids`
        let ids = idsView(header.dtype, new Uint8Array(0));
        const loadFrom = async (token: number, minTokens: number): Promise<void> => {
          const want = Math.min(header.tokens - token, Math.max(minTokens, Math.floor(STREAM_CHUNK_BYTES / k)));
          const buf = new Uint8Array(want * k);
          let done = 0;
          while (done < buf.length) {
            const { bytesRead } = await handle.read(buf, done, buf.length - done, header.sections.ids + token * k + done);
            if (bytesRead === 0) throw new MalformedDataError(path, `ids end early at token ${token + done / k}`);
            done += bytesRead;
          }
          ids = idsView(header.dtype, buf);
          chunkStart = token;
        };
        for (let i = 0; i < header.count; i++) {
          if (options.split !== undefined && (index.splits[i] === 1 ? 'test' : 'train') !== options.split) continue;
          const start = index.offsets[i]!;
          const end = index.offsets[i + 1]!;
          if (start < chunkStart || end > chunkStart + ids.length) await loadFrom(start, end - start);
          yield shardRecord(index, i, Int32Array.from(ids.subarray(start - chunkStart, end - chunkStart)), options);
        }
      } finally {
        await handle.close();
      }
    },
  };
}
