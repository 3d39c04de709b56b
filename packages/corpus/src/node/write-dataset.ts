import { createHash } from 'node:crypto';
import { CardRecorder, cardMarkdown, type DatasetCard } from '../card.js';
import { datasetInputs, type SequenceOptions } from '../dataset.js';
import { createSymbolEncoder, type LossMaskKind } from '../encode.js';
import { InvalidParameterError } from '../errors.js';
import type { Example, Split, Task } from '../types.js';
import { AtomicFile, writeFileAtomic } from './atomic.js';
import { ShardWriter, type ShardSummary } from './shard-writer.js';

/** Records between yields to the event loop (so Ctrl-C and progress get through). */
const YIELD_EVERY = 4096;
/** JSONL text buffered before each write. */
const JSONL_CHUNK_CHARS = 1 << 20;

/** Where and how to write a dataset. */
export interface WriteDatasetOptions<I = unknown> extends SequenceOptions<I> {
  /** Binary shard path. */
  shard?: string;
  /** JSONL: a file path (written atomically) or a stream such as stdout. */
  jsonl?: string | NodeJS.WritableStream;
  /** Card path prefix: writes `<card>.json` and `<card>.md`. */
  card?: string;
  /** Use the format's fast id writer when it has one (default true; false is the benchmark baseline). */
  fastPath?: boolean;
}

/** The result of writing a dataset. */
export interface WriteDatasetResult {
  card: DatasetCard;
  shard?: ShardSummary;
  /** False when the signal (or a closed output stream) stopped the run early (files hold what was written). */
  complete: boolean;
  /** Why an incomplete run stopped: the signal, or the JSONL stream's reader went away (EPIPE). */
  stoppedBy?: 'signal' | 'closed-output';
}

/**
 * One JSONL line: the example's symbols, its one-line text, its ids and its split.
 *
 * @example stream.write(jsonlLine(task, example, ids, 'train'));
 */
export function jsonlLine(task: Task, example: Example, ids: Int32Array, split: Split): string {
  return `${JSON.stringify({
    prompt: example.prompt,
    cot: example.cot,
    answer: example.answer,
    text: task.format.text(example),
    ids: Array.from(ids),
    split,
    meta: example.meta,
  })}\n`;
}

function isStream(x: unknown): x is NodeJS.WritableStream {
  return typeof x === 'object' && x !== null && 'write' in x;
}

/** Writes to a stream, waiting for 'drain' when its buffer is full; resolves early if it errors. */
async function writeToStream(stream: NodeJS.WritableStream, text: string, failed: () => boolean): Promise<void> {
  if (failed()) return;
  if (!stream.write(text) && !failed()) {
    await new Promise<void>((resolve) => {
      const done = (): void => {
        stream.removeListener('drain', done);
        stream.removeListener('error', done);
        resolve();
      };
      stream.once('drain', done);
      stream.once('error', done);
    });
  }
}

/**
 * Writes a dataset of a task as a binary shard and/or JSONL, with its card (JSON + Markdown).
 * Options are checked before anything is written. Progress goes to `onProgress`; an aborted
 * `signal` stops at the next record and the files are finished with what was written (the card
 * says `complete: false`).
 *
 * @example
 * const task = createTask('multiplication', { digits: '4x4', format: 'malach' });
 * await writeDataset(task, { split: 'train', count: 100_000, seed: 1, shard: 'train.shard', card: 'train' });
 */
export async function writeDataset<I>(task: Task<I>, options: WriteDatasetOptions<I>): Promise<WriteDatasetResult> {
  const lossMask: LossMaskKind = options.lossMask ?? 'all';
  if (lossMask !== 'all' && lossMask !== 'cot-answer') throw new InvalidParameterError(task.name, 'lossMask', 'all or cot-answer', lossMask);
  if (options.shard === undefined && options.jsonl === undefined) throw new InvalidParameterError(task.name, 'out', 'a shard path or a JSONL destination', undefined);
  const inputs = datasetInputs(task, options); // validates options
  const encoder = createSymbolEncoder(task.vocabulary());
  const format = task.format;
  const recorder = new CardRecorder();
  const seed = options.seed ?? 0;
  const splitChoice = options.split ?? 'all';
  const order = options.inputs !== undefined ? 'explicit' : (options.order ?? 'sample');
  const meta = { task: task.name, format: format.name, params: task.params, seed, split: splitChoice, order, lossMask, vocabulary: task.vocabulary() };
  const shard = options.shard === undefined ? undefined : new ShardWriter(options.shard, { vocabSize: encoder.size, lossMask, meta });
  const jsonlFile = typeof options.jsonl === 'string' ? new AtomicFile(options.jsonl) : undefined;
  const jsonlStream = isStream(options.jsonl) ? options.jsonl : undefined;
  const jsonlHash = createHash('sha256');
  // A reader that goes away (`cotlab corpus make … | head`) ends the run quietly; other stream errors fail it.
  let streamError: (Error & { code?: string }) | undefined;
  const onStreamError = (error: Error): void => {
    streamError ??= error;
  };
  jsonlStream?.on('error', onStreamError);
  const streamFailed = (): boolean => streamError !== undefined;
  let jsonlBytes = 0;
  let pending = '';
  const flushJsonl = async (): Promise<void> => {
    if (pending === '') return;
    const bytes = new TextEncoder().encode(pending);
    jsonlHash.update(bytes);
    jsonlBytes += bytes.length;
    if (jsonlFile !== undefined) jsonlFile.write(bytes);
    if (jsonlStream !== undefined) await writeToStream(jsonlStream, pending, streamFailed);
    pending = '';
  };
  const needExamples = options.jsonl !== undefined;
  const fast = !needExamples && options.fastPath !== false && format.fixedLength !== undefined ? format.idWriter?.(encoder) : undefined;
  const fixedPrompt = format.promptLength;
  const fixedAnswer = format.answerLength;
  const fixedLength = format.fixedLength ?? 0;
  const buffer = new Int32Array(fixedLength);
  const maskStartOf = (promptLength: number): number => (lossMask === 'all' ? 1 : Math.max(1, promptLength));
  let n = 0;
  try {
    for (const { input, split } of inputs) {
      let ids: Int32Array;
      let promptLength: number;
      let answerLength: number;
      if (fast !== undefined && fixedPrompt !== undefined && fixedAnswer !== undefined) {
        if (shard !== undefined) {
          // Zero-copy: the format writes its ids straight into the shard's chunk buffer.
          shard.appendWith(fixedLength, fixedPrompt, maskStartOf(fixedPrompt), split, (out, offset) => fast.write(input, out, offset));
          recorder.add(fixedPrompt, fixedLength - fixedPrompt - fixedAnswer, fixedAnswer, split);
          if (++n % YIELD_EVERY === 0) await new Promise((resolve) => setImmediate(resolve));
          continue;
        }
        fast.write(input, buffer, 0);
        ids = buffer;
        promptLength = fixedPrompt;
        answerLength = fixedAnswer;
      } else {
        const ex = task.example(input);
        ids = new Int32Array(ex.prompt.length + ex.cot.length + ex.answer.length);
        let o = encoder.encodeInto(ex.prompt, ids, 0);
        o = encoder.encodeInto(ex.cot, ids, o);
        encoder.encodeInto(ex.answer, ids, o);
        promptLength = ex.prompt.length;
        answerLength = ex.answer.length;
        if (needExamples) {
          pending += jsonlLine(task, ex, ids, split);
          if (pending.length >= JSONL_CHUNK_CHARS) await flushJsonl();
          if (streamError !== undefined) break;
        }
      }
      shard?.appendChecked(ids, 0, ids.length, promptLength, maskStartOf(promptLength), split);
      recorder.add(promptLength, ids.length - promptLength - answerLength, answerLength, split);
      if (++n % YIELD_EVERY === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    await flushJsonl();
  } catch (error) {
    shard?.discard();
    jsonlFile?.discard();
    throw error;
  } finally {
    jsonlStream?.removeListener('error', onStreamError);
  }
  if (streamError !== undefined && streamError.code !== 'EPIPE') {
    shard?.discard();
    throw streamError;
  }
  const closedOutput = streamError !== undefined;
  const complete = options.signal?.aborted !== true && !closedOutput;
  const files: DatasetCard['files'] = [];
  let shardSummary: ShardSummary | undefined;
  if (shard !== undefined) {
    shardSummary = shard.close({ complete });
    files.push({ path: shardSummary.path, kind: 'shard', bytes: shardSummary.bytes, sha256: shardSummary.sha256 });
  }
  if (jsonlFile !== undefined) {
    jsonlFile.commit();
    files.push({ path: jsonlFile.path, kind: 'jsonl', bytes: jsonlBytes, sha256: jsonlHash.digest('hex') });
  } else if (jsonlStream !== undefined) {
    files.push({ path: '-', kind: 'jsonl', bytes: jsonlBytes, sha256: jsonlHash.digest('hex') });
  }
  const card = recorder.card(task, { seed, split: splitChoice, order, lossMask, complete, files });
  if (options.card !== undefined) {
    writeFileAtomic(`${options.card}.json`, `${JSON.stringify(card, null, 2)}\n`);
    writeFileAtomic(`${options.card}.md`, cardMarkdown(card));
  }
  const result: WriteDatasetResult = shardSummary === undefined ? { card, complete } : { card, shard: shardSummary, complete };
  if (!complete) result.stoppedBy = closedOutput ? 'closed-output' : 'signal';
  return result;
}
