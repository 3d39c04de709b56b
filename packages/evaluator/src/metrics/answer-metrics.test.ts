import { describe, expect, it } from 'vitest';
import { AnswerAccumulator } from './answer-metrics.js';

describe('AnswerAccumulator', () => {
  it('counts exact matches, malformed answers and digits at their own index', () => {
    const acc = new AnswerAccumulator();
    expect(acc.add(['1', '2', '3'], ['1', '2', '3'])).toBe(true);
    expect(acc.add(['1', '9', '3'], ['1', '2', '3'])).toBe(false);
    expect(acc.add(undefined, ['4', '5', '6'])).toBe(false);
    expect(acc.add(['4'], ['4', '5', '6'])).toBe(false);
    const r = acc.result();
    expect(r.count).toBe(4);
    expect(r.exactMatchCount).toBe(1);
    expect(r.exactMatch).toBe(0.25);
    expect(r.malformedCount).toBe(1);
    // right digits: 3 + 2 + 0 + 1 of 12
    expect(r.digitAccuracy).toBeCloseTo(6 / 12, 12);
    expect(r.digitAccuracyByPosition).toEqual([3 / 4, 1 / 4, 2 / 4]);
  });

  it('does not call a longer prediction an exact match', () => {
    const acc = new AnswerAccumulator();
    expect(acc.add(['1', '2', '3'], ['1', '2'])).toBe(false);
    expect(acc.result().digitAccuracy).toBe(1);
  });

  it('reports zeros, not NaN, when empty', () => {
    expect(new AnswerAccumulator().result()).toEqual({
      count: 0, exactMatchCount: 0, exactMatch: 0, malformedCount: 0, digitAccuracy: 0, digitAccuracyByPosition: [],
    });
  });
});
