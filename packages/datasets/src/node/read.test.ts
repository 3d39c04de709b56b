import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { describe, expect, it } from 'vitest';
import { readStories } from './read.js';

const dir = mkdtempSync(join(tmpdir(), 'cotlab-read-'));

async function collect(iterable: AsyncIterable<string>): Promise<string[]> {
  const out: string[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

describe('readStories', () => {
  it('streams the stories of a .txt file', async () => {
    const path = join(dir, 'a.txt');
    writeFileSync(path, 'One.\n<|endoftext|>\nTwo.\nThree.\n<|endoftext|>\n');
    expect(await collect(readStories(path))).toEqual(['One.', 'Two.\nThree.']);
  });
  it('reads the text column of a .parquet file', async () => {
    const path = join(dir, 'b.parquet');
    const texts = Array.from({ length: 25_000 }, (_, i) => `Story ${i}.`);
    writeFileSync(path, Buffer.from(parquetWriteBuffer({ columnData: [{ name: 'text', data: texts, type: 'STRING' }], rowGroupSize: 7_000 })));
    const stories = await collect(readStories(path));
    expect(stories).toHaveLength(25_000);
    expect(stories[24_999]).toBe('Story 24999.');
  });
  it('names the columns when the parquet file has no text column', async () => {
    const path = join(dir, 'c.parquet');
    writeFileSync(path, Buffer.from(parquetWriteBuffer({ columnData: [{ name: 'story', data: ['x'], type: 'STRING' }] })));
    await expect(collect(readStories(path))).rejects.toThrow(/no 'text' column; its columns are: story/);
  });
  it('rejects a missing path and an unknown layout clearly', async () => {
    await expect(collect(readStories(join(dir, 'missing.txt')))).rejects.toThrow(/data path '.*missing.txt' does not exist/);
    const path = join(dir, 'd.csv');
    writeFileSync(path, 'a,b');
    await expect(collect(readStories(path))).rejects.toThrow(/unknown layout \('.csv'\)/);
  });
  it('rejects a file that is not parquet', async () => {
    const path = join(dir, 'e.parquet');
    writeFileSync(path, 'not parquet at all');
    await expect(collect(readStories(path))).rejects.toThrow(/not a readable parquet file/);
  });
});
