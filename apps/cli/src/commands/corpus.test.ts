import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { malachSplit } from '@cotlab/corpus';
import { readShard } from '@cotlab/corpus/node';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, type CliRun } from '../testing/run-cli.js';

const run = (...argv: string[]): Promise<CliRun> => runCli(argv);

const dir = mkdtempSync(join(tmpdir(), 'cotlab-cli-corpus-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('cotlab corpus', () => {
  it('list names every task and format', async () => {
    const { code, out } = await run('corpus', 'list', '--json');
    expect(code).toBe(0);
    const { tasks } = JSON.parse(out) as { tasks: { name: string; formats: { name: string }[] }[] };
    const mul = tasks.find((t) => t.name === 'multiplication');
    expect(mul?.formats.map((f) => f.name)).toEqual(expect.arrayContaining(['malach', 'deng', 'stepwise', 'none']));
  });

  it('make --operands emits exactly those examples, in order, with their split labels', async () => {
    const { code, out } = await run('corpus', 'make', 'multiplication', '--operands', '1234x5678,1010x1001,5678x1234');
    expect(code).toBe(0);
    const lines = out.trim().split('\n').map((l) => JSON.parse(l) as { meta: { a: number; b: number }; split: string; ids: number[] });
    expect(lines.map((l) => [l.meta.a, l.meta.b, l.split])).toEqual([
      [1234, 5678, 'test'],
      [1010, 1001, 'train'],
      [5678, 1234, 'train'],
    ]);
    expect(lines.every((l) => l.ids.length === 307)).toBe(true);
  });

  it('make --text prints one line per example in the format notation', async () => {
    const { code, out } = await run('corpus', 'make', 'multiplication', '--format', 'deng', '--operands', '2365x4347', '--text');
    expect(code).toBe(0);
    expect(out).toBe(`${malachSplit(2365, 4347)}\t5 6 3 2 * 7 4 3 4||5 5 5 6 1 + 0 0 6 4 9 0 ( 5 5 1 1 1 1 ) + 0 0 5 9 0 7 0 ( 5 5 6 0 2 8 0 ) + 0 0 0 0 6 4 9 0 #### 5 5 6 0 8 2 0 1\n`);
  });

  it('make writes a shard and its card', async () => {
    const shard = join(dir, 'q.shard');
    const { code, err } = await run('corpus', 'make', 'multiplication', '--digits', '2x2', '--format', 'stepwise', '--order', 'enumerate', '--split', 'test', '--out', shard);
    expect(code, err).toBe(0);
    expect(readShard(shard).header.count).toBe(2026);
    const card = JSON.parse(readFileSync(join(dir, 'q.card.json'), 'utf8')) as { counts: { test: number } };
    expect(card.counts.test).toBe(2026);
    const info = await run('corpus', 'info', shard, '--json');
    expect(info.code).toBe(0);
    expect(JSON.parse(info.out)).toMatchObject({ count: 2026, test: 2026, train: 0, minLength: 46, maxLength: 46, dtype: 'uint8' });
    const text = await run('corpus', 'info', shard);
    expect(text.out).toMatch(/2026 records \(train 0, test 2026\)/);
    const bad = await run('corpus', 'info', join(dir, 'q.card.json'));
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/not a cotlab shard/);
  });

  it('rejects unknown tasks, formats, parameters and impossible values before any output', async () => {
    for (const [argv, pattern] of [
      [['corpus', 'make', 'nope', '--n', '1'], /unknown task 'nope'; valid: .*multiplication/],
      [['corpus', 'make', 'multiplication', '--format', 'fancy', '--n', '1'], /unknown format 'fancy'.*valid: malach, deng/],
      [['corpus', 'make', 'multiplication', '--digits', '0x4', '--n', '1'], /digits .*zero digits/],
      [['corpus', 'make', 'multiplication', '--bits', '4', '--n', '1'], /unknown parameter 'bits'/],
      [['corpus', 'make', 'multiplication'], /--n is required/],
      [['corpus', 'make', 'multiplication', '--operands', '12345x1'], /4-digit × 4-digit/],
    ] as const) {
      const { code, out, err } = await run(...argv);
      expect(code).toBe(2);
      expect(out).toBe('');
      expect(err).toMatch(pattern);
    }
  });
});
