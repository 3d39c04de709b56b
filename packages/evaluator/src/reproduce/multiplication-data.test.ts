import { malachSplit } from '@cotlab/corpus';
import { describe, expect, it } from 'vitest';
import { multiplicationData } from './multiplication-data.js';

describe('multiplicationData', () => {
  it('draws distinct held-out 2×2 pairs, the same for the same seed', () => {
    const data = multiplicationData([2, 2], 'stepwise');
    const test = data.testExamples(300, 5);
    const keys = test.map((e) => `${String(e.meta['a'])}x${String(e.meta['b'])}`);
    expect(new Set(keys).size).toBe(300);
    expect(test.every((e) => data.task.split(e) === 'test')).toBe(true);
    expect(data.testExamples(300, 5).map((e) => e.meta['a'])).toEqual(test.map((e) => e.meta['a']));
    expect(() => data.testExamples(5000, 5)).toThrow(/'n' must be at most the \d+ test pairs of 2×2 multiplication, got 5000/);
  });

  it("streams 4×4 training sequences from the paper's train split, with ids and a loss mask", () => {
    const data = multiplicationData([4, 4], 'malach');
    expect(data.sequenceLength).toBe(307);
    expect(data.tokenizer.size).toBe(117);
    let count = 0;
    for (const seq of data.trainSequences(3, 'cot-answer')) {
      expect(seq.ids).toHaveLength(307);
      expect(seq.ids[0]).toBe(1); // [BOS]
      expect(seq.lossMask[10]).toBe(0); // prompt: [BOS] a x b = is 11 tokens
      expect(seq.lossMask[11]).toBe(1);
      const symbols = data.tokenizer.decodeSymbols(seq.ids);
      const a = Number(symbols.slice(1, 5).join(''));
      const b = Number(symbols.slice(6, 10).join(''));
      expect(malachSplit(a, b)).toBe('train');
      if (++count === 20) break;
    }
    const held = data.testExamples(50, 1);
    expect(held.every((e) => malachSplit(e.meta['a'] as number, e.meta['b'] as number) === 'test')).toBe(true);
    expect(data.trainAnswers(10, 2).every((answer) => answer.length === 8)).toBe(true);
  });
});
