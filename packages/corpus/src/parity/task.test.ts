import { describe, expect, it } from 'vitest';
import { createRng } from '../rng.js';
import { createParityTask, countWidth } from './task.js';

describe('parity task', () => {
  it('every format answers the parity and answerOf inverts it', () => {
    const rng = createRng(1);
    for (const format of ['none', 'chunked', 'count-log', 'sequential', 'chunked-3']) {
      for (const bits of [1, 2, 7, 32, 100]) {
        if (format === 'chunked-3' && bits < 3) continue;
        const task = createParityTask({ bits, format });
        for (let t = 0; t < 20; t++) {
          const ex = task.draw(rng);
          expect(ex.answer).toEqual([String(ex.meta['parity'])]);
          expect(Number(ex.meta['ones']) % 2).toBe(ex.meta['parity']);
          expect(task.format.answerOf([...ex.cot, ...ex.answer])).toEqual(ex.answer);
          expect(ex.prompt.length + ex.cot.length + ex.answer.length).toBe(task.format.fixedLength);
          expect(task.split(ex)).toBe(ex.meta['split']);
        }
      }
    }
  });
  it('chunked-k writes the running parity after every k bits (about n/k tokens)', () => {
    const task = createParityTask({ bits: 10, k: 4, format: 'chunked' });
    const ex = task.example(Uint8Array.from([1, 0, 1, 1, 0, 0, 1, 0, 1, 1]));
    expect(ex.cot).toEqual(['1', '0', '=']);
    expect(ex.answer).toEqual(['0']);
    expect(createParityTask({ bits: 32, format: 'chunked-4' }).example(new Uint8Array(32)).cot).toHaveLength(7 + 1);
  });
  it('count-log writes the count of ones MSB first; the parity is its last bit', () => {
    const task = createParityTask({ bits: 12, format: 'count-log' });
    const ex = task.example(Uint8Array.from([1, 1, 1, 0, 1, 1, 0, 0, 0, 1, 1, 0]));
    expect(countWidth(12)).toBe(4);
    expect(ex.cot).toEqual(['0', '1', '1', '1', '=']);
    expect(ex.answer).toEqual(['1']);
  });
  it('sequential writes every prefix parity', () => {
    const ex = createParityTask({ bits: 4, format: 'sequential' }).example(Uint8Array.from([1, 1, 0, 1]));
    expect(ex.cot).toEqual(['1', '0', '0', '=']);
    expect(ex.answer).toEqual(['1']);
  });
  it('enumerates small inputs; the split is deterministic and about 25% test', () => {
    const task = createParityTask({ bits: 12 });
    const all = [...task.inputs!()];
    expect(all).toHaveLength(4096);
    const test = all.filter((x) => task.split(x) === 'test').length / all.length;
    expect(test).toBeGreaterThan(0.2);
    expect(test).toBeLessThan(0.3);
  });
  it('rejects impossible parameters naming them', () => {
    expect(() => createParityTask({ bits: 0 })).toThrow(/bits to be an integer in \[1, /);
    expect(() => createParityTask({ bits: 4, k: 5, format: 'chunked' })).toThrow(/k ≤ n/);
    expect(() => createParityTask({ bits: 4, format: 'chunked-9' })).toThrow(/k ≤ n/);
    expect(() => createParityTask({ bits: 4, k: 2, format: 'none' })).toThrow(/only with format 'chunked'/);
    expect(() => createParityTask({ bits: 4, format: 'halves' })).toThrow(/valid: none, chunked, count-log, sequential, chunked-K/);
    expect(() => createParityTask({ digits: 4 })).toThrow(/unknown parameter 'digits'/);
  });
});
