import * as tf from '@tensorflow/tfjs';
import { parameterCount } from '@cotlab/models';
import { expectClose } from '@cotlab/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LinearPredictor, PredictorConfigError } from './linear-predictor.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

describe('LinearPredictor', () => {
  const model = new LinearPredictor({ vocabSize: 5, contextLength: 6, dim: 3, seed: 7 });
  afterAll(() => model.dispose());

  it('is causal: a token changes the logits at its position and after, never before', () => {
    const [a, b] = model.logits([
      [1, 2, 3, 2, 4, 0],
      [1, 2, 3, 4, 4, 0],
    ]);
    const V = 5;
    expectClose(Array.from(b!.slice(0, 3 * V)), Array.from(a!.slice(0, 3 * V)), { rtol: 0, atol: 0 });
    expect(Array.from(b!.slice(3 * V, 4 * V))).not.toEqual(Array.from(a!.slice(3 * V, 4 * V)));
  });

  it('is linear in the one-hot context: logits of a mix of contexts add up', () => {
    // With one token changed at a time, logit differences are additive (no interaction term).
    const [base, onlyA, onlyB, both] = model.logits([
      [1, 2, 2, 2],
      [1, 3, 2, 2],
      [1, 2, 4, 2],
      [1, 3, 4, 2],
    ]);
    const row = 3 * 5;
    for (let v = 0; v < 5; v++) {
      const additive = onlyA![row + v]! + onlyB![row + v]! - base![row + v]!;
      expectClose([both![row + v]!], [additive], { rtol: 1e-4, atol: 1e-4 });
    }
  });

  it('counts parameters as @cotlab/models does', () => {
    expect(model.parameterCount()).toBe(parameterCount({ kind: 'linear', vocabSize: 5, contextLength: 6, dim: 3 }));
  });

  it('learns: the masked loss falls on a fixed batch, with no tensors leaked per step', () => {
    const batch = [
      { ids: [1, 2, 3, 4, 2, 3], lossMask: [0, 0, 0, 1, 1, 1] },
      { ids: [1, 3, 2, 4, 3, 2], lossMask: [0, 0, 0, 1, 1, 1] },
    ];
    const first = model.trainStep(batch, 0.05);
    model.trainStep(batch, 0.05);
    const live = tf.memory().numTensors;
    let last = first;
    for (let i = 0; i < 40; i++) last = model.trainStep(batch, 0.05);
    expect(tf.memory().numTensors).toBe(live);
    expect(last).toBeLessThan(first / 4);
    const [cont] = model.greedy([[1, 2, 3]], 3);
    expect(Array.from(cont!)).toEqual([4, 2, 3]);
  });

  it('rejects impossible configurations and inputs before any work', () => {
    expect(() => new LinearPredictor({ vocabSize: 0, contextLength: 4, dim: 2, seed: 1 })).toThrow(PredictorConfigError);
    expect(() => new LinearPredictor({ vocabSize: 5, contextLength: 4096, dim: 2, seed: 1 })).toThrow(/contextLength × dim must be at most 2048, got 8192/);
    expect(() => model.trainStep([], Number.NaN)).toThrow(/lr must be a finite number > 0/);
    expect(() => model.greedy([[1, 2], [1]], 1)).toThrow(/prompts must be all of the same length/);
    expect(() => model.logits([[1, 2, 3, 4, 5, 6, 7]])).toThrow(/sequence 0 length must be at most contextLength = 6, got 7/);
  });
});
