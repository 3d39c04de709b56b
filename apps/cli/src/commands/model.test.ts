import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sharedDir, sharedPath, SHARED_SKIP_REASON } from '@cotlab/test-utils';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, type CliRun } from '../testing/run-cli.js';

const cli = (...argv: string[]): Promise<CliRun> => runCli(argv);

const dir = mkdtempSync(join(tmpdir(), 'cotlab-models-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!sharedDir)(`cotlab model logits on the paper's PyTorch file (${SHARED_SKIP_REASON} otherwise)`, () => {
  it('prints the recorded PyTorch logits', async () => {
    const golden = JSON.parse(readFileSync(sharedPath('golden', 'linearlm-relu-small.json')!, 'utf8')) as { inputs: number[][]; logits: number[][][] };
    const { code, out, err } = await cli('model', 'logits', sharedPath('golden', 'linearlm-relu-small.safetensors')!, '--ids', golden.inputs[0]!.join(','), '--json');
    expect(code).toBe(0);
    expect(err).toContain('backend wasm');
    const { logits } = JSON.parse(out) as { logits: number[][] };
    logits.forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo(golden.logits[0]![i]![j]!, 4)));
  });
});

describe('cotlab train / model inspect / generate', () => {
  it('trains on a task, checkpoints with its tokenizer, inspects, and generates from text', async () => {
    const out = join(dir, 'run');
    const t = await cli('train', '--task', 'multiplication', '--digits', '1x1', '--format', 'malach', '--n', '64', '--model', 'linear', '--dim', '8', '--steps', '3', '--batch', '8', '--workers', '1', '--out', out);
    expect(t.code).toBe(0);
    expect(JSON.parse(t.out)).toMatchObject({ steps: 3, backend: 'wasm' });
    expect(readFileSync(join(out, 'metrics.jsonl'), 'utf8').trim().split('\n').filter((l) => l.includes('"train"'))).toHaveLength(3);
    const inspect = await cli('model', 'inspect', out, '--json');
    expect(inspect.code).toBe(0);
    expect(JSON.parse(inspect.out)).toMatchObject({ model: { kind: 'linear', dim: 8 }, training: { step: 3 } });
    const g = await cli('generate', out, '--prompt', '[BOS] 3 x 4 =', '--max-new', '4', '--json');
    expect(g.code).toBe(0);
    const { ids, text } = JSON.parse(g.out) as { ids: number[]; text: string };
    expect(ids).toHaveLength(4);
    expect(typeof text).toBe('string');
  });

  it('reads a config file, and rejects an unknown model kind before any work', async () => {
    const config = join(dir, 'train.json');
    writeFileSync(config, JSON.stringify({ model: { kind: 'rnn', dim: 8 }, task: 'multiplication', digits: '1x1', steps: 1, out: join(dir, 'bad') }));
    const r = await cli('train', '--config', config);
    expect(r.code).toBe(2);
    expect(r.err).toContain("--model must be one of linear, mlp, transformer; got 'rnn'");
  });

  it('refuses the paper multiplication MLP on wasm before allocating', async () => {
    const r = await cli('train', '--preset', 'paper-multiplication', '--task', 'multiplication', '--digits', '1x1', '--out', join(dir, 'big'), '--workers', '1');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/fits WebAssembly's 4 GiB .* needs ≈ \d+\.\d GiB/);
  });
});
