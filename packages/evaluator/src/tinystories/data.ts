import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DatasetError, obtainTinyStories, readStories, sharedTinyStoriesSample } from '@cotlab/datasets/node';
import { utf8Length } from '@cotlab/ngram';
import type { Tokenizer } from '@cotlab/tokenizer';

/** Where the text came from, for the report and the one-screen summary. */
export interface TextSource {
  kind: 'path' | 'shared-sample' | 'hub';
  train: string;
  valid: string;
  /** `paragraphs`: the validation file is one text stream (split at blank lines), not stories. */
  validLayout: 'stories' | 'paragraphs';
  note: string;
}

export interface ResolveTextOptions {
  /** `--data DIR`: a directory holding a training and a validation file (.txt or .parquet). */
  data?: string;
  /** The `../shared` directory, when present. */
  sharedDir?: string;
  /** Try the hub when no local data is given (default true). */
  download?: boolean;
  signal?: AbortSignal;
  onDownload?: (file: string, bytes: number, total: number) => void;
}

const TRAIN_NAMES = ['TinyStories-train.txt', 'TinyStoriesV2-GPT4-train.txt', 'train.txt', 'train.parquet'];
const VALID_NAMES = ['TinyStories-valid.txt', 'TinyStoriesV2-GPT4-valid.txt', 'valid.txt', 'validation.parquet'];

function fromDirectory(dir: string): TextSource {
  const train = TRAIN_NAMES.map((n) => join(dir, n)).find((p) => existsSync(p));
  const valid = VALID_NAMES.map((n) => join(dir, n)).find((p) => existsSync(p));
  if (train === undefined || valid === undefined) {
    throw new DatasetError('unknown-layout', `tinystories: '${dir}' must hold a training file (${TRAIN_NAMES.join(' | ')}) and a validation file (${VALID_NAMES.join(' | ')}); found ${train === undefined ? 'no training file' : 'no validation file'}`);
  }
  return { kind: 'path', train, valid, validLayout: 'stories', note: `local files in ${dir}` };
}

/**
 * Finds the TinyStories text to use: an explicit path; else the samples in `../shared`; else a
 * verified download from the dataset's official home. A path that does not exist, or a directory
 * without the expected files, is an error that says what was expected.
 */
export async function resolveTinyStoriesText(options: ResolveTextOptions): Promise<TextSource> {
  if (options.data !== undefined) {
    if (!existsSync(options.data)) throw new DatasetError('not-found', `tinystories: data path '${options.data}' does not exist`);
    if (!statSync(options.data).isDirectory()) throw new DatasetError('unknown-layout', `tinystories: --data must be a directory holding a training and a validation file; '${options.data}' is a file`);
    return fromDirectory(options.data);
  }
  const shared = options.sharedDir === undefined ? undefined : sharedTinyStoriesSample(options.sharedDir);
  if (shared !== undefined) {
    return { kind: 'shared-sample', ...shared, validLayout: 'paragraphs', note: 'the TinyStories samples in ../shared/data/tinystories (2,316 training stories; validation sample as one text stream)' };
  }
  if (options.download === false) throw new DatasetError('not-found', 'tinystories: no data: pass --data PATH, or allow the download from the hub');
  const progress = (p: { file: string; bytes: number; total: number }): void => options.onDownload?.(p.file, p.bytes, p.total);
  const common = { ...(options.signal ? { signal: options.signal } : {}), onProgress: progress };
  let valid: string;
  let train: string;
  try {
    valid = await obtainTinyStories('valid', common);
    train = await obtainTinyStories('train', common);
  } catch (error) {
    if (!(error instanceof DatasetError) || error.code !== 'hub-metadata') throw error;
    throw new DatasetError(
      'not-found',
      `tinystories: no local data, and the dataset's home cannot be reached (${error.message}); pass --data DIR (a folder with TinyStories-train.txt and TinyStories-valid.txt) or --shared DIR (a folder with data/tinystories/ samples)`,
      { cause: error },
    );
  }
  return { kind: 'hub', train, valid, validLayout: 'stories', note: 'TinyStories v1 from huggingface.co/datasets/roneneldan/TinyStories (verified download)' };
}

/** A held-out or training document: its text, ids and UTF-8 length. */
export interface Document {
  text: string;
  ids: number[];
  bytes: number;
}

/**
 * Reads and tokenizes the documents of a file, up to `maxTokens` in all: stories (`.txt` with
 * `<|endoftext|>` lines, or `.parquet`), or paragraphs of one text stream split at blank lines.
 */
export async function readDocuments(path: string, tokenizer: Tokenizer, options: { layout?: 'stories' | 'paragraphs'; maxTokens?: number } = {}): Promise<Document[]> {
  const maxTokens = options.maxTokens ?? Infinity;
  const texts: AsyncIterable<string> | Iterable<string> =
    options.layout === 'paragraphs' ? (await readFile(path, 'utf8')).split(/\n\s*\n/).map((s) => s.trim()).filter((s) => s !== '') : readStories(path);
  const docs: Document[] = [];
  let tokens = 0;
  for await (const text of texts) {
    const ids = tokenizer.encode(text);
    docs.push({ text, ids, bytes: utf8Length(text) });
    tokens += ids.length;
    if (tokens >= maxTokens) break;
  }
  return docs;
}
