import { describe, expect, it } from 'vitest';
import { createRng } from '../rng.js';
import { createAdditionTask } from './task.js';

describe('addition task', () => {
  it('writes the three formats', () => {
    const x = { a: 456, b: 789 };
    expect(createAdditionTask({ digits: 3, format: 'plain' }).example(x).answer.join('')).toBe('1245');
    const rev = createAdditionTask({ digits: 3, format: 'reversed' }).example(x);
    expect(rev.prompt.join(' ')).toBe('[BOS] 6 5 4 + 9 8 7 =');
    expect(rev.answer.join('')).toBe('5421');
    const car = createAdditionTask({ digits: 3, format: 'carries' }).example(x);
    expect(car.cot.join(' ')).toBe('c0 5 c1 4 c1 2 =');
    expect(car.answer.join('')).toBe('1245');
  });
  it('answers are sums for random inputs, answerOf inverts, lengths are fixed', () => {
    const rng = createRng(3);
    for (const format of ['plain', 'reversed', 'carries']) {
      for (const digits of [1, 2, 5, 15]) {
        const task = createAdditionTask({ digits, format });
        for (let t = 0; t < 20; t++) {
          const ex = task.draw(rng);
          const sum = (ex.meta['a'] as number) + (ex.meta['b'] as number);
          const got = format === 'reversed' ? ex.answer.slice().reverse().join('') : ex.answer.join('');
          expect(Number(got)).toBe(sum);
          expect(task.format.answerOf([...ex.cot, ...ex.answer])).toEqual(ex.answer);
          expect(ex.prompt.length + ex.cot.length + ex.answer.length).toBe(task.format.fixedLength);
          const vocab = new Set(task.vocabulary());
          expect([...ex.prompt, ...ex.cot, ...ex.answer].every((s) => vocab.has(s))).toBe(true);
        }
      }
    }
  });
  it('splits 2-digit pairs exactly 75/25 and rejects bad parameters', () => {
    const task = createAdditionTask({ digits: 2 });
    const test = [...task.inputs!()].filter((x) => task.split(x) === 'test').length;
    expect(test).toBe(2026);
    expect(() => createAdditionTask({ digits: 0 })).toThrow(/digits to be an integer in \[1, 15\]/);
    expect(() => createAdditionTask({ format: 'binary' })).toThrow(/valid: plain, reversed, carries/);
  });
});
