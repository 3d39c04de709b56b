import { createParityTask } from '@cotlab/corpus';
import { initBackend } from '@cotlab/models';
import { beforeAll, describe, expect, it } from 'vitest';
import { learnTask, LEARN_DEFAULTS } from './learn-task.js';

describe('learning the O(log n) parity CoT', () => {
  beforeAll(async () => {
    await initBackend('wasm');
  });

  it('a linear predictor learns 16-bit parity through the count-log CoT (100% held-out), not without it', async () => {
    const withCot = await learnTask(createParityTask({ bits: 16, format: 'count-log' }), { ...LEARN_DEFAULTS, model: 'linear' });
    expect(withCot.testScored).toBe(LEARN_DEFAULTS.testCount);
    expect(withCot.testExact).toBe(1);
    const without = await learnTask(createParityTask({ bits: 16, format: 'none' }), { ...LEARN_DEFAULTS, model: 'linear' });
    expect(without.testExact).toBeLessThan(0.7);
  });
});
