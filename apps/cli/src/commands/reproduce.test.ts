import { describe, expect, it } from 'vitest';
import { runCli, type CliRun } from '../testing/run-cli.js';

const run = (...argv: string[]): Promise<CliRun> => runCli(argv);

describe('cotlab reproduce', () => {
  it('lists multiplication and formats', async () => {
    const { code, out } = await run('reproduce', '--help');
    expect(code).toBe(0);
    expect(out).toMatch(/multiplication +the paper's main experiment/);
    expect(out).toMatch(/formats +which CoT lets which model class learn/);
  });

  it('rejects a bad preset, format or budget before any work, naming the option', async () => {
    expect(await run('reproduce', 'multiplication', '--preset', 'fast')).toMatchObject({ code: 2, err: "cotlab: --preset must be one of quick, cpu, paper; got 'fast'\n" });
    expect((await run('reproduce', 'multiplication', '--format', 'roman')).err).toMatch(/--format must be one of malach, deng, stepwise, stepwise-linear, none; got 'roman'/);
    expect((await run('reproduce', 'multiplication', '--budget-minutes', '0')).err).toMatch(/--budget-minutes must be > 0, got '0'/);
    expect((await run('reproduce', 'formats', '--models', 'mlp,rnn')).err).toMatch(/--models takes a comma-separated list of linear, mlp, transformer; got 'rnn'/);
  });

  it('stops the paper preset on WebAssembly before allocating, stating the memory it needs', async () => {
    const { code, err } = await run('reproduce', 'multiplication', '--preset', 'paper', '--backend', 'wasm', '--out', '/nonexistent/never-written');
    expect(code).toBe(1);
    expect(err).toMatch(/the 'paper' preset \(mlp, d = 128, T = 307, batch 2048\) needs about \d+\.\d GiB of memory, but the 'wasm' backend can hold 4\.0 GiB; stopped before allocating/);
  });
});

describe('cotlab eval', () => {
  it('needs a checkpoint directory', async () => {
    expect(await run('eval')).toMatchObject({ code: 2, err: 'cotlab: eval takes one checkpoint directory CKPT, got 0 arguments\n' });
  });
});
