import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects } from 'hyparquet';
import { DatasetError } from '../errors.js';
import { StorySplitter } from '../stories.js';

/** How a local file holds its text. */
export type TextLayout = 'txt-stories' | 'parquet';

/** Rows read from a parquet file at a time: bounds memory without tiny reads. */
const PARQUET_ROWS_PER_READ = 10_000;

/** The layout of a file, from its extension; an unknown one is an error naming the file and what is known. */
export function detectLayout(path: string): TextLayout {
  const ext = extname(path).toLowerCase();
  if (ext === '.txt') return 'txt-stories';
  if (ext === '.parquet') return 'parquet';
  throw new DatasetError('unknown-layout', `datasets: '${path}' has an unknown layout ('${ext || 'no extension'}'); expected a .txt file (stories separated by <|endoftext|> lines) or a .parquet file with a 'text' column`);
}

async function assertFile(path: string): Promise<void> {
  const info = await stat(path).catch((error: unknown) => {
    throw new DatasetError('not-found', `datasets: data path '${path}' does not exist`, { cause: error });
  });
  if (!info.isFile()) throw new DatasetError('not-found', `datasets: data path '${path}' is not a file`);
}

async function* txtStories(path: string): AsyncGenerator<string> {
  const splitter = new StorySplitter();
  for await (const chunk of createReadStream(path, { encoding: 'utf8' })) yield* splitter.push(chunk as string);
  yield* splitter.end();
}

async function* parquetStories(path: string, column: string): AsyncGenerator<string> {
  const file = await asyncBufferFromFile(path);
  const metadata = await parquetMetadataAsync(file).catch((error: unknown) => {
    throw new DatasetError('unknown-layout', `datasets: '${path}' is not a readable parquet file: ${(error as Error).message}`, { cause: error });
  });
  const names = metadata.schema.slice(1).map((element) => element.name);
  if (!names.includes(column)) {
    throw new DatasetError('unknown-layout', `datasets: '${path}' has no '${column}' column; its columns are: ${names.join(', ')}`);
  }
  const rows = Number(metadata.num_rows);
  for (let start = 0; start < rows; start += PARQUET_ROWS_PER_READ) {
    const records = await parquetReadObjects({ file, metadata, columns: [column], rowStart: start, rowEnd: Math.min(rows, start + PARQUET_ROWS_PER_READ) });
    for (const record of records) {
      const text = (record as Record<string, unknown>)[column];
      if (typeof text === 'string' && text.trim() !== '') yield text.trim();
    }
  }
}

/**
 * Streams the stories of a local TinyStories file: `.txt` (stories separated by `<|endoftext|>`
 * lines) or `.parquet` (one story per row in a `text` column). Memory stays bounded.
 *
 * @example for await (const story of readStories('TinyStories-valid.txt')) console.log(story);
 */
export async function* readStories(path: string, options: { column?: string } = {}): AsyncGenerator<string> {
  await assertFile(path);
  const layout = detectLayout(path);
  if (layout === 'txt-stories') yield* txtStories(path);
  else yield* parquetStories(path, options.column ?? 'text');
}
