import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseSparsePredictor } from '@cotlab/compiler';
import { parseSafetensors } from '@cotlab/models';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, type CliRun } from '../testing/run-cli.js';

const cli = (...argv: string[]): Promise<CliRun> => runCli(argv);

const dir = mkdtempSync(join(tmpdir(), 'cotlab-compile-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('cotlab compile', () => {
  it('compiles a circuit, checks every input and writes the dense paper layout', async () => {
    const out = join(dir, 'add3.safetensors');
    const r = await cli('compile', 'circuit', 'addition', '--bits', '3', '--json', '--out', out);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as Record<string, unknown>;
    expect(j).toMatchObject({ target: 'addition', n: 3, gates: 7, verification: { checked: 64, failures: 0, exhaustive: true } });
    const { tensors } = parseSafetensors(readFileSync(out), out);
    expect(tensors.get('linear1.weight')?.shape).toEqual([21 * 7, 21 * 7]);
  });

  it('compiles a machine into the sparse form and checks it against the simulator', async () => {
    const out = join(dir, 'parity.json');
    const r = await cli('compile', 'machine', 'parity', '--max-length', '4', '--out', out);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/31\/31 right \(every input\)/);
    expect(existsSync(out)).toBe(true);
    expect(parseSparsePredictor(readFileSync(out, 'utf8')).vocabulary).toContain('1');
  });

  it('prints the size table and rejects unknown targets with a usage error', async () => {
    const t = await cli('compile', 'table');
    expect(t.code).toBe(0);
    expect(t.out).toMatch(/\| parity \(count-log\) \| 1024 \| 11 \|/);
    const bad = await cli('compile', 'circuit', 'division');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/compile circuit needs a NAME among parity, comparison, addition, multiplication, got 'division'/);
    const dense = await cli('compile', 'circuit', 'multiplication', '--bits', '16', '--samples', '1', '--out', join(dir, 'm.safetensors'));
    expect(dense.code).toBe(2);
    expect(dense.err).toMatch(/too large for the dense layout/);
  });
});
