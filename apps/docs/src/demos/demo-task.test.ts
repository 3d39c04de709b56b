import { countWidth } from '@cotlab/corpus';
import { describe, expect, it } from 'vitest';
import { DemoInputError, parityCountLogTask, shuffled } from './demo-task.js';

describe('parityCountLogTask (the corpus parity task, count-log format)', () => {
  const task = parityCountLogTask(6);
  const width = countWidth(6);

  it('writes the count of ones in binary, most significant bit first, then the parity', () => {
    const ex = task.example('110101');
    expect(ex.prompt).toEqual(['[BOS]', '1', '1', '0', '1', '0', '1', '|']);
    expect(ex.cot).toEqual(['1', '0', '0', '=']);
    expect(ex.answer).toEqual(['0']);
    expect(task.length).toBe(6 + 2 + width + 1 + 1);
    expect(task.promptLength).toBe(8);
    expect(task.example('111111').cot).toEqual(['1', '1', '0', '=']);
    expect(task.vocabulary.slice(0, 2)).toEqual(['[UNK]', '[BOS]']);
  });

  it('makes every count token the linear threshold the paper says, given the tokens before it', () => {
    for (const word of [...task.trainInputs, ...task.testInputs]) {
      const ex = task.example(word);
      const ones = word.replaceAll('0', '').length;
      let higher = 0;
      ex.cot.slice(0, width).forEach((bit, k) => {
        const weight = 2 ** (width - 1 - k);
        expect(bit).toBe(ones - higher >= weight ? '1' : '0');
        higher += bit === '1' ? weight : 0;
      });
      expect(ex.answer).toEqual([String(ones % 2)]);
    }
  });

  it('splits every input once, about a quarter held out', () => {
    const all = new Set([...task.trainInputs, ...task.testInputs]);
    expect(all.size).toBe(64);
    expect(task.trainInputs.filter((w) => task.testInputs.includes(w))).toEqual([]);
    const big = parityCountLogTask(12);
    expect(big.testInputs.length / 4096).toBeGreaterThan(0.2);
    expect(big.testInputs.length / 4096).toBeLessThan(0.3);
  });

  it('parses answers and inputs, naming what is wrong', () => {
    expect(task.answerOf(['1', '0', '0', '=', '0'])).toEqual(['0']);
    expect(task.answerOf(['1', '0'])).toBeUndefined();
    expect(task.parseInput(' 1101 01 ')).toBe('110101');
    expect(() => task.parseInput('1102')).toThrow(DemoInputError);
    expect(() => task.parseInput('1102')).toThrow("training demo: input must be 6 bits (0 or 1), got '1102'");
    expect(() => task.example('11')).toThrow(DemoInputError);
    expect(() => parityCountLogTask(0)).toThrow(/bits must be an integer in \[1, 20\], got '0'/);
  });
});

describe('shuffled', () => {
  it('is a seeded permutation', () => {
    const items = Array.from({ length: 50 }, (_, i) => i);
    const a = shuffled(items, 3);
    expect(shuffled(items, 3)).toEqual(a);
    expect(shuffled(items, 4)).not.toEqual(a);
    expect([...a].sort((x, y) => x - y)).toEqual(items);
  });
});
