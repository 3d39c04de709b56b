import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { datasetSequences } from '../dataset.js';
import { createMultiplicationTask } from '../multiplication/task.js';
import { parseShard } from '../shard-format.js';
import { openShard, readShard } from './shard-reader.js';
import { ShardWriter, writeShard } from './shard-writer.js';
import { writeDataset } from './write-dataset.js';

const dir = mkdtempSync(join(tmpdir(), 'cotlab-corpus-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('binary shards', () => {
  const task = createMultiplicationTask({ digits: '4x4', format: 'malach' });

  it('round-trip records (ids, masks, splits) through a file, whole and streamed', async () => {
    const records = [...datasetSequences(task, { count: 50, seed: 1, lossMask: 'cot-answer' })];
    const path = join(dir, 'rt.shard');
    const summary = await writeShard(path, records, { vocabSize: 117, lossMask: 'cot-answer', meta: { note: 'x' } });
    expect(summary).toMatchObject({ count: 50, tokens: 50 * 307, dtype: 'uint8' });
    const shard = readShard(path);
    expect(shard.header.meta['note']).toBe('x');
    expect([...shard.records()]).toEqual(records);
    const streamed = [];
    for await (const r of openShard(path).records()) streamed.push(r);
    expect(streamed).toEqual(records);
    const tests = [];
    for await (const r of openShard(path).records({ split: 'test', lossMask: 'all' })) tests.push(r);
    expect(tests.map((r) => Array.from(r.ids))).toEqual(records.filter((r) => r.split === 'test').map((r) => Array.from(r.ids)));
    expect(tests.every((r) => r.lossMask[0] === 0 && r.lossMask[11] === 1 && r.lossMask[1] === 1)).toBe(true);
    expect(readdirSync(dir).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });

  it('uses 16-bit ids for larger vocabularies and streams records longer than a chunk', async () => {
    const path = join(dir, 'wide.shard');
    const w = new ShardWriter(path, { vocabSize: 1000, lossMask: 'all' });
    // Longer than both the writer's and the reader's chunk (2^21 uint16 ids each).
    const long = new Int32Array(2_200_000);
    for (let i = 0; i < long.length; i++) long[i] = i % 1000;
    w.appendIds(Int32Array.from([999, 0, 5]), 0, 3, 1, 1, 'train');
    w.appendIds(long, 0, long.length, 10, 1, 'test');
    w.appendIds([7, 8], 0, 2, 1, 1, 'train');
    expect(w.close().dtype).toBe('uint16');
    const got = [];
    for await (const r of openShard(path).records()) got.push(r);
    expect(Array.from(got[0]!.ids)).toEqual([999, 0, 5]);
    const back = got[1]!.ids;
    expect(back.length).toBe(long.length);
    let mismatches = 0;
    for (let i = 0; i < long.length; i++) if (back[i] !== long[i]) mismatches++;
    expect(mismatches).toBe(0);
    expect(got[1]!.split).toBe('test');
    expect(Array.from(got[2]!.ids)).toEqual([7, 8]);
  });

  it('rejects ids outside the vocabulary, non-suffix masks and foreign files', () => {
    const w = new ShardWriter(join(dir, 'bad.shard'), { vocabSize: 10, lossMask: 'all' });
    expect(() => w.appendIds([1, 10], 0, 2, 1, 1, 'train')).toThrow(/id 10 .* outside \[0, 10\)/);
    expect(() => w.append({ ids: Int32Array.from([1, 2, 3]), lossMask: Uint8Array.from([0, 1, 0]), split: 'train' })).toThrow(/0…0 1…1/);
    w.discard();
    expect(() => new ShardWriter(join(dir, 'no-such-dir', 'x.shard'), { vocabSize: 10, lossMask: 'all' })).toThrow(/cannot write '.*x\.shard' \(ENOENT/);
    const junk = join(dir, 'junk.shard');
    writeFileSync(junk, 'hello world, not a shard at all');
    expect(() => readShard(junk)).toThrow(/not a cotlab shard/);
    expect(() => parseShard(new Uint8Array(4))).toThrow(/not a cotlab shard/);
  });
});

describe('writeDataset', () => {
  it('writes shard, JSONL and card that agree with each other', async () => {
    const task = createMultiplicationTask({ digits: '2x2', format: 'stepwise' });
    const base = join(dir, 'ds');
    const result = await writeDataset(task, { split: 'test', order: 'enumerate', shard: `${base}.shard`, jsonl: `${base}.jsonl`, card: `${base}.card` });
    expect(result.card.counts).toEqual({ total: 2026, train: 0, test: 2026 });
    const lines = readFileSync(`${base}.jsonl`, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { ids: number[]; split: string; text: string; prompt: string[] });
    expect(lines).toHaveLength(2026);
    const shard = readShard(`${base}.shard`);
    expect([...shard.records()].map((r) => Array.from(r.ids))).toEqual(lines.map((l) => l.ids));
    const card = JSON.parse(readFileSync(`${base}.card.json`, 'utf8')) as { lengths: { sequence: { min: number; max: number } }; files: { sha256: string }[]; vocabSize: number };
    expect(card.lengths.sequence).toMatchObject({ min: task.format.fixedLength, max: task.format.fixedLength });
    expect(card.files).toHaveLength(2);
    expect(card.vocabSize).toBe(task.vocabulary().length);
    expect(readFileSync(`${base}.card.md`, 'utf8')).toMatch(/# Dataset card: multiplication \/ stepwise/);
    expect(lines[0]!.text.split(' ').length).toBe(task.format.fixedLength);
  });

  it('the fast (shard-only) path writes the same bytes as the symbol path', async () => {
    const task = createMultiplicationTask({ format: 'malach' });
    const a = join(dir, 'fast.shard');
    const b = join(dir, 'slow.shard');
    await writeDataset(task, { split: 'train', count: 500, seed: 4, shard: a });
    await writeDataset(task, { split: 'train', count: 500, seed: 4, shard: b, jsonl: join(dir, 'slow.jsonl') });
    expect(readFileSync(a).equals(readFileSync(b))).toBe(true);
  });

  it('ends quietly when the JSONL reader goes away (EPIPE), and fails on other stream errors', async () => {
    const task = createMultiplicationTask({ format: 'malach' });
    const failing = (code: string): Writable =>
      new Writable({
        highWaterMark: 1024,
        write(_chunk, _enc, callback) {
          callback(Object.assign(new Error(`write ${code}`), { code }));
        },
      });
    const result = await writeDataset(task, { count: 20_000, seed: 1, jsonl: failing('EPIPE') });
    expect(result.complete).toBe(false);
    expect(result.stoppedBy).toBe('closed-output');
    expect(result.card.counts.total).toBeLessThan(20_000);
    await expect(writeDataset(task, { count: 20_000, seed: 1, jsonl: failing('ENOSPC') })).rejects.toThrow(/ENOSPC/);
  });

  it('checks explicit inputs before writing anything', async () => {
    const task = createMultiplicationTask({ format: 'malach' });
    const path = join(dir, 'never.shard');
    await expect(writeDataset(task, { inputs: [{ a: 1234, b: 5678 }, { a: 123456, b: 1 }], shard: path })).rejects.toThrow(/a to be an integer in \[0, 10000\)/);
    expect(readdirSync(dir).filter((f) => f.includes('never'))).toEqual([]);
  });

  it('stops at the next record when aborted and says the card is incomplete', async () => {
    const task = createMultiplicationTask({ format: 'malach' });
    const controller = new AbortController();
    const result = await writeDataset(task, {
      count: 100_000,
      seed: 1,
      shard: join(dir, 'abort.shard'),
      signal: controller.signal,
      progressEvery: 100,
      onProgress: ({ done }) => {
        if (done >= 300) controller.abort();
      },
    });
    expect(result.complete).toBe(false);
    expect(result.card.counts.total).toBe(300);
    expect(readShard(join(dir, 'abort.shard')).header.count).toBe(300);
  });
});
