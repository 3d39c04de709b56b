import { initBackend } from '@cotlab/models';
import { beforeAll, describe, expect, it } from 'vitest';
import { runLengthComplexityExperiment } from './experiments.js';
import { LEARN_DEFAULTS } from './learn-task.js';

describe('length-complexity experiment at a tiny size', () => {
  beforeAll(async () => {
    await initBackend('wasm');
  });

  it('compiles and checks the machines, trains on traces, scores held-out and longer inputs', async () => {
    const recipe = { ...LEARN_DEFAULTS, steps: 30, trainCount: 16, testCount: 8 };
    const report = await runLengthComplexityExperiment({ machine: 'binary-increment', trainLength: 4, longerBy: 1, formats: ['none', 'transitions'], models: ['linear'], seeds: [0], compiledLengths: [3], recipe });
    const machines = report.compiled.filter((c) => c.target.startsWith('machine'));
    expect(machines).toHaveLength(2);
    for (const m of machines) expect(m).toMatchObject({ failures: 0, exhaustive: true });
    expect(machines.every((m) => m.checked > 0)).toBe(true);
    expect(report.cells.map((c) => c.status)).toEqual(['done', 'done']);
    expect(report.cells.every((c) => typeof c.metrics['longerExact'] === 'number')).toBe(true);
    expect(report.summary.find((s) => s.format === 'transitions')!.cotLength).toBeGreaterThan(report.summary.find((s) => s.format === 'none')!.cotLength);
  });
});
