import { describe, expect, it } from 'vitest';
import { InvalidParameterError, UnknownNameError } from '../errors.js';
import { createRng } from '../rng.js';
import { createMultiplicationTask, multiplicationOperands, MULTIPLICATION_FORMATS } from './task.js';

describe('multiplication task', () => {
  it('every format works for several sizes: answers are products, answerOf inverts', () => {
    const rng = createRng(11);
    for (const format of MULTIPLICATION_FORMATS) {
      for (const digits of ['1x1', '2x2', '3x2', '4x4', '6x6']) {
        const task = createMultiplicationTask({ digits, format });
        for (let t = 0; t < 10; t++) {
          const ex = task.draw(rng);
          const a = ex.meta['a'] as number;
          const b = ex.meta['b'] as number;
          const [n, m] = task.params['digits'] as [number, number];
          const want = String(a * b).padStart(n + m, '0');
          const got = format === 'deng' ? ex.answer.slice().reverse().join('') : ex.answer.join('');
          expect(got).toBe(want);
          expect(task.format.answerOf([...ex.cot, ...ex.answer])).toEqual(ex.answer);
          expect(ex.meta['split']).toBe(task.split({ a, b }));
          expect(task.split(ex)).toBe(ex.meta['split']);
        }
      }
    }
  });
  it('draws 4×4 operands from the paper range [1111, 9999]; other sizes from all n-digit numbers', () => {
    const rng = createRng(2);
    const t4 = createMultiplicationTask({});
    const t2 = createMultiplicationTask({ digits: [2, 2] });
    for (let i = 0; i < 2000; i++) {
      const x = t4.drawInput(rng);
      expect(x.a >= 1111 && x.a <= 9999 && x.b >= 1111 && x.b <= 9999).toBe(true);
      const y = t2.drawInput(rng);
      expect(y.a >= 10 && y.a <= 99 && y.b >= 10 && y.b <= 99).toBe(true);
    }
    expect(t4.inputCount).toBe(8889 * 8889);
    expect(t2.inputCount).toBe(8100);
  });
  it('2×2 enumerates all 8,100 pairs, 6,074 train and 2,026 test, deterministically', () => {
    const task = createMultiplicationTask({ digits: '2x2' });
    const all = [...task.inputs!()];
    expect(all).toHaveLength(8100);
    expect(new Set(all.map((x) => task.keyOf(x))).size).toBe(8100);
    const test = all.filter((x) => task.split(x) === 'test').length;
    expect(test).toBe(2026);
    expect(createMultiplicationTask({ digits: '2x2' }).split({ a: 12, b: 34 })).toBe(task.split({ a: 12, b: 34 }));
  });
  it('rejects bad parameters before any work, naming them and what is valid', () => {
    expect(() => createMultiplicationTask({ digits: '0x4' })).toThrow(InvalidParameterError);
    expect(() => createMultiplicationTask({ digits: '0x4' })).toThrow(/digits.*zero digits/);
    expect(() => createMultiplicationTask({ digits: '9x9' })).toThrow(/n \+ m ≤ 15/);
    expect(() => createMultiplicationTask({ digits: 'four' })).toThrow(/'NxM'/);
    expect(() => createMultiplicationTask({ format: 'fancy' })).toThrow(UnknownNameError);
    expect(() => createMultiplicationTask({ format: 'fancy' })).toThrow(/malach, deng, stepwise, stepwise-linear, none/);
    expect(() => createMultiplicationTask({ bits: 3 })).toThrow(/unknown parameter 'bits'.*digits, format/);
  });
  it('format.vocabulary(params) gives the vocabulary for other parameters', () => {
    const task = createMultiplicationTask({ format: 'stepwise' });
    const other = createMultiplicationTask({ digits: [8, 7], format: 'stepwise' });
    expect(task.format.vocabulary({ digits: [8, 7] })).toEqual(other.vocabulary());
    expect(task.format.vocabulary({ digits: [8, 7] }).length).toBeGreaterThan(task.vocabulary().length);
    expect(task.format.vocabulary()).toEqual(task.vocabulary());
    expect(() => task.format.vocabulary({ digits: '0x1' })).toThrow(/zero digits/);
  });
  it('multiplicationOperands parses explicit pairs in order and checks their digits', () => {
    expect(multiplicationOperands('1234x5678, 9999x1111')).toEqual([
      { a: 1234, b: 5678 },
      { a: 9999, b: 1111 },
    ]);
    expect(multiplicationOperands(['12*34'], [2, 2])).toEqual([{ a: 12, b: 34 }]);
    expect(() => multiplicationOperands('12345x1', [4, 4])).toThrow(/4-digit × 4-digit/);
    expect(() => multiplicationOperands('12+34')).toThrow(/'AxB'/);
    expect(() => multiplicationOperands('')).toThrow(/at least one pair/);
  });
});
