import { describe, expect, it } from 'vitest';
import { createMultiplicationTask } from './task.js';
import { dengLength } from './deng-format.js';

// The four real lines quoted in ../shared/golden/README.md (Deng et al. 2023 datasets); copied
// here as fixtures so the test runs without ../shared.
const LINES: [number, number, string][] = [
  [2365, 4347, '5 6 3 2 * 7 4 3 4||5 5 5 6 1 + 0 0 6 4 9 0 ( 5 5 1 1 1 1 ) + 0 0 5 9 0 7 0 ( 5 5 6 0 2 8 0 ) + 0 0 0 0 6 4 9 0 #### 5 5 6 0 8 2 0 1'],
  [5196, 7446, '6 9 1 5 * 6 4 4 7||6 7 1 1 3 + 0 4 8 7 0 2 ( 6 1 0 9 3 2 ) + 0 0 4 8 7 0 2 ( 6 1 4 7 1 3 2 ) + 0 0 0 2 7 3 6 3 #### 6 1 4 9 8 6 8 3'],
  [9376, 7198, '6 7 3 9 * 8 9 1 7||8 0 0 5 7 + 0 4 8 3 4 8 ( 8 4 8 8 1 9 ) + 0 0 6 7 3 9 0 ( 8 4 4 6 5 8 1 ) + 0 0 0 2 3 6 5 6 #### 8 4 4 8 8 4 7 6'],
  [11453, 56412, '3 5 4 1 1 * 2 1 4 6 5||6 0 9 2 2 0 + 0 3 5 4 1 1 0 ( 6 3 4 7 3 1 0 ) + 0 0 2 1 8 5 4 0 ( 6 3 6 8 1 7 4 0 ) + 0 0 0 8 1 7 8 6 0 ( 6 3 6 6 3 4 3 7 0 ) + 0 0 0 0 5 6 2 7 5 0 #### 6 3 6 6 8 0 6 4 6 0'],
];

describe('deng format', () => {
  it('writes the four published lines exactly', () => {
    for (const [a, b, line] of LINES) {
      const digits = String(a).length;
      const task = createMultiplicationTask({ digits: [digits, digits], format: 'deng' });
      const ex = task.example({ a, b });
      expect(task.format.text(ex)).toBe(line);
      expect(ex.prompt.length + ex.cot.length + ex.answer.length).toBe(dengLength({ n: digits, m: digits }));
      expect(task.format.fixedLength).toBe(ex.prompt.length + ex.cot.length + ex.answer.length);
    }
  });
  it('answerOf reads the digits after ####, reversed as the format writes them', () => {
    const task = createMultiplicationTask({ digits: '4x4', format: 'deng' });
    const ex = task.example({ a: 2365, b: 4347 });
    expect(task.format.answerOf([...ex.cot, ...ex.answer])).toEqual('5 5 6 0 8 2 0 1'.split(' '));
    expect(task.format.answerOf(ex.cot.slice(0, -1))).toBeUndefined();
    expect(task.format.answerOf([...ex.cot, '5', '5'])).toBeUndefined();
  });
  it('works for unequal sizes and one-digit multipliers', () => {
    for (const [n, m] of [[1, 1], [3, 1], [2, 5]] as const) {
      const task = createMultiplicationTask({ digits: [n, m], format: 'deng' });
      const a = 10 ** n - 1;
      const b = 10 ** m - 1;
      const ex = task.example({ a, b });
      expect(ex.answer.slice().reverse().join('')).toBe(String(a * b).padStart(n + m, '0'));
      expect(ex.prompt.length + ex.cot.length + ex.answer.length).toBe(dengLength({ n, m }));
      const vocab = new Set(task.vocabulary());
      for (const s of [...ex.prompt, ...ex.cot, ...ex.answer]) expect(vocab.has(s)).toBe(true);
    }
  });
});
