import { expectClose } from '@cotlab/test-utils';
import { beforeAll, describe, expect, it } from 'vitest';
import { countingSequences } from '../__fixtures__/counting-sequences.js';
import { initBackend } from '../backend.js';
import { createModel } from '../create-model.js';
import { train } from '../train.js';

describe('data parallelism across worker threads (wasm; workers run the sources through tsx)', () => {
  beforeAll(async () => {
    await initBackend('wasm');
  });

  it('2 workers give the same loss curve and weights as 1, up to float rounding', async () => {
    const config = { kind: 'mlp', vocabSize: 11, contextLength: 8, dim: 6, blocks: 3 } as const;
    // uneven lengths, so the two halves of a batch pad differently
    const data = countingSequences(48, 9, 11, 3).map((s, i) => (i % 3 === 0 ? { ids: Array.from(s.ids).slice(0, 6), lossMask: Array.from(s.lossMask!).slice(0, 6) } : s));
    const opts = { steps: 5, batchSize: 12, accumulate: 2, lr: 1e-2 };
    const one = createModel(config, { seed: 2 });
    const a = await train(one, data, { ...opts, workers: 1 });
    const two = createModel(config, { seed: 2 });
    const b = await train(two, data, { ...opts, workers: 2 });
    expect(b.steps).toBe(5);
    expectClose(b.losses, a.losses, { rtol: 1e-5, atol: 1e-6 });
    const wa = one.exportWeights();
    for (const [name, t] of two.exportWeights()) expectClose(t.data, wa.get(name)!.data, { rtol: 1e-4, atol: 1e-5 });
    one.dispose();
    two.dispose();
  });
});
