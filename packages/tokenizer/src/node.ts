/**
 * Node-only helpers of @cotlab/tokenizer: files, streaming training, and `loadTokenizer(spec)`.
 * Import from `@cotlab/tokenizer/node`.
 */
import { createReadStream } from 'node:fs';
import { mkdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { BpeTrainer, TrainingAbortedError, trainByteLevelBpe, type TrainBpeOptions } from './bpe-train.js';
import type { ByteLevelBpeTokenizer } from './byte-level-bpe.js';
import { CharCounter, type CharTokenizer, type CharTokenizerOptions } from './char.js';
import { MalformedTokenizerFileError, TokenizerArgumentError, TokenizerError, isArrayValue, show } from './errors.js';
import { tokenizerFromJSON } from './from-json.js';
import { gpt2Tokenizer } from './gpt2.js';
import { malachProductTokenizer } from './malach-product.js';
import { SentencePieceBpeTokenizer } from './sentencepiece-bpe.js';
import { sentencePieceFromModelProto } from './sentencepiece-model.js';
import { safeChunks } from './text-chunks.js';
import { rolesFromTokenizerConfig, tokenizerConfig } from './tokenizer-config.js';
import type { SpecialSymbols, Tokenizer } from './tokenizer.js';

export * from './index.js';

/** A file that could not be read or written (missing, unreadable); keeps the system error as `cause`. */
export class TokenizerFileError extends TokenizerError {
  override name = 'TokenizerFileError';
  constructor(
    readonly file: string,
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`tokenizer: cannot ${reason} ${file}${options?.cause instanceof Error ? `: ${options.cause.message}` : ''}`, options);
  }
}

/**
 * Reads a tokenizer file: llama2.c's `tokenizer.bin` (by its `.bin` extension), a SentencePiece
 * `.model` (BPE, identity normaliser), otherwise JSON
 * (a Hugging Face `tokenizer.json` or cotlab's SentencePiece JSON).
 *
 * @example
 * const tok = await readTokenizerFile('tok.json');
 */
export async function readTokenizerFile(path: string, roles?: SpecialSymbols): Promise<Tokenizer> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (cause) {
    throw new TokenizerFileError(path, 'read tokenizer file', { cause });
  }
  const raw = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (path.endsWith('.bin')) return SentencePieceBpeTokenizer.fromLlama2cBin(raw, path);
  if (path.endsWith('.model')) return sentencePieceFromModelProto(raw, path);
  const json = parseJson(bytes.toString('utf8'), path);
  let resolved = roles;
  if (resolved === undefined && basename(path) === HF_TOKENIZER_FILE) {
    const configPath = join(dirname(path), HF_CONFIG_FILE);
    const config = await readFile(configPath, 'utf8').catch(() => undefined);
    if (config !== undefined) resolved = rolesFromTokenizerConfig(parseJson(config, configPath), configPath);
  }
  return tokenizerFromJSON(json, path, resolved);
}

function parseJson(text: string, path: string): unknown {
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new MalformedTokenizerFileError(path, `it is not JSON (${(cause as Error).message})`, { cause });
  }
}

/** File names of a Hugging Face tokenizer directory. */
export const HF_TOKENIZER_FILE = 'tokenizer.json';
export const HF_CONFIG_FILE = 'tokenizer_config.json';

/**
 * Writes a Hugging Face tokenizer directory: `tokenizer.json` and `tokenizer_config.json` (which
 * records the special-token roles), each atomically. `transformers` opens it with
 * `PreTrainedTokenizerFast.from_pretrained(dir)`; `loadTokenizer(dir)` reads it back with roles.
 *
 * @example
 * await saveTokenizerDir(malachProductTokenizer(), 'runs/mult/tokenizer');
 */
export async function saveTokenizerDir(tokenizer: Tokenizer, dir: string): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
  } catch (cause) {
    throw new TokenizerFileError(dir, 'create tokenizer directory', { cause });
  }
  await writeAtomic(join(dir, HF_TOKENIZER_FILE), `${JSON.stringify(tokenizer.toJSON())}\n`);
  await writeAtomic(join(dir, HF_CONFIG_FILE), `${JSON.stringify(tokenizerConfig(tokenizer), null, 2)}\n`);
}

async function writeAtomic(path: string, text: string): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await writeFile(tmp, text);
    await rename(tmp, path);
  } catch (cause) {
    await unlink(tmp).catch(() => undefined);
    throw new TokenizerFileError(path, 'write tokenizer file', { cause });
  }
}

/**
 * Writes `tokenizer.toJSON()` to `path` atomically (a temporary file in the same directory,
 * then a rename), so a reader never sees half a file.
 *
 * @example
 * await saveTokenizer(tok, 'runs/tok/tokenizer.json');
 */
export async function saveTokenizer(tokenizer: Tokenizer, path: string): Promise<void> {
  await writeAtomic(path, `${JSON.stringify(tokenizer.toJSON())}\n`);
}

/** The named tokenizers `loadTokenizer` knows besides files. */
export const TOKENIZER_PRESETS = ['gpt2', 'malach-product'] as const;

/**
 * Loads a tokenizer from a spec: `gpt2` (GPT-2's r50k_base), `malach-product` (the paper's
 * multiplication vocabulary), `llama2c:PATH` (llama2.c `tokenizer.bin`), or a file path (a
 * `tokenizer.json`, a `.bin` file read as llama2.c's format, or a SentencePiece `.model`), or a
 * directory holding `tokenizer.json` (and `tokenizer_config.json` for the special-token roles).
 *
 * @example
 * const tok = await loadTokenizer('llama2c:../shared/data/tokenizers/tok512.bin');
 */
export async function loadTokenizer(spec: string): Promise<Tokenizer> {
  if (typeof spec !== 'string' || spec.length === 0) {
    throw new TokenizerArgumentError('spec', `a file path, ${TOKENIZER_PRESETS.join(', ')} or llama2c:PATH`, show(spec));
  }
  if (spec === 'gpt2') return gpt2Tokenizer();
  if (spec === 'malach-product') return malachProductTokenizer();
  if (spec.startsWith('llama2c:')) {
    const path = spec.slice('llama2c:'.length);
    let bytes: Buffer;
    try {
      bytes = await readFile(path);
    } catch (cause) {
      throw new TokenizerFileError(path, 'read llama2.c tokenizer', { cause });
    }
    return SentencePieceBpeTokenizer.fromLlama2cBin(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), path);
  }
  const isDir = await stat(spec).then((s) => s.isDirectory(), () => false);
  return readTokenizerFile(isDir ? join(spec, HF_TOKENIZER_FILE) : spec);
}

/**
 * Streams text files as UTF-8 pieces cut only where pre-tokenisation is unaffected.
 *
 * @example
 * for await (const text of readTextChunks(['a.txt', 'b.txt'])) count(text);
 */
export async function* readTextChunks(paths: readonly string[], options: { signal?: AbortSignal; onBytes?: (bytes: number) => void } = {}): AsyncGenerator<string> {
  for (const path of paths) {
    async function* pieces(): AsyncGenerator<string> {
      const decoder = new TextDecoder('utf-8');
      const stream = createReadStream(path, { highWaterMark: 1 << 20, ...(options.signal === undefined ? {} : { signal: options.signal }) });
      try {
        for await (const buf of stream as AsyncIterable<Buffer>) {
          options.onBytes?.(buf.byteLength);
          yield decoder.decode(buf, { stream: true });
        }
      } catch (cause) {
        if (options.signal?.aborted === true) return;
        throw new TokenizerFileError(path, 'read text file', { cause });
      }
      const rest = decoder.decode();
      if (rest.length > 0) yield rest;
    }
    yield* safeChunks(pieces());
  }
}

/** Checks that every path is a readable regular file; returns their total size in bytes. */
async function checkFiles(paths: readonly string[], what: string): Promise<number> {
  if (!isArrayValue(paths) || paths.length === 0) throw new TokenizerArgumentError('paths', 'at least one text file', show(paths));
  let totalBytes = 0;
  for (const path of paths) {
    try {
      const s = await stat(path);
      if (!s.isFile()) throw new Error('not a regular file');
      totalBytes += s.size;
    } catch (cause) {
      throw new TokenizerFileError(path, `read ${what}`, { cause });
    }
  }
  return totalBytes;
}

/**
 * Builds a character tokenizer from the characters of text files, streaming them; with
 * `maxSize`, only the most frequent characters are kept (needs `specials.unk`).
 *
 * @example
 * const tok = await charTokenizerFromFiles(['train.txt'], { specials: { unk: '<unk>' }, maxSize: 128 });
 */
export async function charTokenizerFromFiles(
  paths: readonly string[],
  options: CharTokenizerOptions & { signal?: AbortSignal; onProgress?: (p: { done: number; total: number }) => void } = {},
): Promise<CharTokenizer> {
  const { signal, onProgress, ...charOptions } = options;
  const counter = new CharCounter(charOptions);
  const total = await checkFiles(paths, 'text file');
  let done = 0;
  for await (const text of readTextChunks(paths, { ...(signal === undefined ? {} : { signal }), onBytes: (n) => onProgress?.({ done: (done += n), total }) })) {
    counter.add(text);
  }
  if (signal?.aborted === true) throw new TrainingAbortedError('count');
  return counter.build();
}

/**
 * Trains a byte-level BPE tokenizer on text files, streaming them (memory holds the word table,
 * not the text). Checks that every file exists before reading any; progress counts bytes read,
 * then merges.
 *
 * @example
 * const tok = await trainByteLevelBpeFromFiles(['train.txt'], { vocabSize: 4096, onProgress: console.log });
 * await saveTokenizer(tok, 'tok.json');
 */
export async function trainByteLevelBpeFromFiles(paths: readonly string[], options: TrainBpeOptions): Promise<ByteLevelBpeTokenizer> {
  new BpeTrainer(options); // validates the options before touching any file
  const totalBytes = await checkFiles(paths, 'training file');
  let read = 0;
  const { onProgress } = options;
  const chunks = readTextChunks(paths, {
    ...(options.signal === undefined ? {} : { signal: options.signal }),
    onBytes: (n) => {
      read += n;
      onProgress?.({ phase: 'count', done: read, total: totalBytes });
    },
  });
  const { onProgress: _drop, ...rest } = options;
  return trainByteLevelBpe(chunks, {
    ...rest,
    totalBytes,
    onProgress: (p) => {
      if (p.phase === 'merge') onProgress?.(p);
    },
  });
}
