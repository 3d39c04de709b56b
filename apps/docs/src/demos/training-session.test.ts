import { initBackend } from '@cotlab/models';
import { beforeAll, describe, expect, it } from 'vitest';
import { parityCountLogTask } from './demo-task.js';
import { answerDemo, createDemoPredictor, encodeExample, evaluateDemo, trainDemo } from './training-session.js';

beforeAll(async () => {
  // The backend the page uses (in Node the models package finds the .wasm files itself).
  await initBackend('wasm');
});

describe('the training demo on a small instance (parity of 8 bits, count-log)', () => {
  const task = parityCountLogTask(8);

  it('encodes examples with a loss mask on the CoT and the answer only', () => {
    const { ids, lossMask } = encodeExample(task, '10110000');
    // [BOS] 1 0 1 1 0 0 0 0 | then the count 3 = 0 0 1 1, '=', then the parity 1.
    const id = (s: string): number => task.vocabulary.indexOf(s);
    const symbols = ['[BOS]', ...'10110000'.split(''), '|', '0', '0', '1', '1', '=', '1'];
    expect(Array.from(ids)).toEqual(symbols.map(id));
    expect(Array.from(lossMask)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1]);
  });

  it('learns to write the CoT and the answer on held-out inputs', async () => {
    const model = createDemoPredictor(task);
    const before = evaluateDemo(model, task, 200);
    const progress: number[] = [];
    const result = await trainDemo(model, task, { steps: 120, batchSize: 32, onProgress: (p) => progress.push(p.step) });
    expect(progress).toEqual(Array.from({ length: 120 }, (_, i) => i + 1));
    expect(result.losses.at(-1)!).toBeLessThan(result.losses[0]! / 10);
    const after = evaluateDemo(model, task, 200);
    expect(after.total).toBe(Math.min(200, task.testInputs.length));
    expect(before.exactMatch).toBeLessThan(0.5);
    expect(after.exactMatch).toBeGreaterThanOrEqual(0.95);
    const [a] = answerDemo(model, task, ['11100000']);
    expect(a!.expectedCot).toEqual(['0', '0', '1', '1', '=']);
    model.dispose();
  });

  it('stops at a step boundary when aborted', async () => {
    const model = createDemoPredictor(task);
    const controller = new AbortController();
    const result = await trainDemo(model, task, { steps: 50, batchSize: 8, signal: controller.signal, onProgress: (p) => p.step === 3 && controller.abort() });
    expect(result.stopped).toBe('aborted');
    expect(result.losses).toHaveLength(3);
    model.dispose();
  });
});
