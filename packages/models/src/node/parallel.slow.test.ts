import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expectClose } from '@cotlab/test-utils';
import { beforeAll, describe, expect, it } from 'vitest';
import { countingSequences } from '../__fixtures__/counting-sequences.js';
import { initBackend } from '../backend.js';
import { createModel } from '../create-model.js';
import { train, type TrainMetrics } from '../train.js';

describe('data parallelism across worker threads (wasm; workers run the sources through tsx)', () => {
  beforeAll(async () => {
    await initBackend('wasm');
  });

  // mlp: workers split each batch's loss by position blocks; transformer: by sequences
  it.each([
    { kind: 'mlp', vocabSize: 11, contextLength: 8, dim: 6, blocks: 3 },
    { kind: 'transformer', vocabSize: 11, contextLength: 8, dim: 8, layers: 1, heads: 2 },
  ] as const)('2 workers give the same loss curve and weights as 1, up to float rounding ($kind)', async (config) => {
    // uneven lengths, so the two halves of a batch pad differently
    const data = countingSequences(48, 9, 11, 3).map((s, i) => (i % 3 === 0 ? { ids: Array.from(s.ids).slice(0, 6), lossMask: Array.from(s.lossMask!).slice(0, 6) } : s));
    const opts = { steps: 5, batchSize: 12, accumulate: 2, lr: 1e-2 };
    const one = createModel(config, { seed: 2 });
    const a = await train(one, data, { ...opts, workers: 1 });
    const two = createModel(config, { seed: 2 });
    const metrics: TrainMetrics[] = [];
    const b = await train(two, data, { ...opts, workers: 2, onMetrics: (m) => metrics.push(m) });
    expect(b.steps).toBe(5);
    // each step's metrics say where each worker's time went
    const steps = metrics.filter((m) => m.type === 'train');
    expect(steps).toHaveLength(5);
    for (const m of steps) {
      expect(m.workers).toHaveLength(2);
      for (const t of m.workers!) {
        expect(t.gradientsMs).toBeGreaterThan(0);
        for (const ms of [t.refreshMs, t.reduceMs, t.updateMs]) expect(ms).toBeGreaterThanOrEqual(0);
      }
    }
    expectClose(b.losses, a.losses, { rtol: 1e-5, atol: 1e-6 });
    const wa = one.exportWeights();
    for (const [name, t] of two.exportWeights()) expectClose(t.data, wa.get(name)!.data, { rtol: 1e-4, atol: 1e-5 });
    one.dispose();
    two.dispose();
  });

  it('2 workers resume exactly: their optimizer state in shared memory goes through the checkpoint', async () => {
    const config = { kind: 'mlp', vocabSize: 11, contextLength: 8, dim: 6, blocks: 3 } as const;
    const data = countingSequences(40, 9, 11, 11);
    const opts = { steps: 6, batchSize: 6, lr: 5e-3, warmupSteps: 2, workers: 2 };
    const straight = createModel(config, { seed: 5 });
    const full = await train(straight, data, opts);
    const dir = mkdtempSync(join(tmpdir(), 'cotlab-parallel-'));
    try {
      const first = createModel(config, { seed: 5 });
      const controller = new AbortController();
      const part1 = await train(first, data, { ...opts, checkpointDir: dir, signal: controller.signal, onProgress: (p) => p.step === 3 && controller.abort() });
      expect(part1.checkpointStep).toBe(3);
      first.dispose();
      const second = createModel(config, { seed: 99 });
      const part2 = await train(second, data, { ...opts, checkpointDir: dir, resume: true });
      expectClose([...part1.losses, ...part2.losses], full.losses, { rtol: 1e-5, atol: 1e-6 });
      const w = second.exportWeights();
      for (const [name, t] of straight.exportWeights()) expectClose(w.get(name)!.data, t.data, { rtol: 1e-4, atol: 1e-5 });
      second.dispose();
    } finally {
      rmSync(dir, { recursive: true, force: true });
      straight.dispose();
    }
  });
});
