import { describe, expect, it } from 'vitest';
import { createRng } from '../rng.js';
import { createMultiplicationTask } from './task.js';
import { maxStepwiseCarry, stepwiseDependencies, stepwiseLength } from './stepwise-format.js';

/** Replays the stepwise CoT as a reader would: every step from the tokens it names. */
function replay(cot: readonly string[], n: number, m: number, a: number, b: number, pairs: boolean): void {
  const da = String(a).padStart(n, '0').split('').reverse().map(Number);
  const db = String(b).padStart(m, '0').split('').reverse().map(Number);
  let p = 0;
  const prod = new Map<string, [number, number]>();
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) {
      expect(cot[p]).toBe(`${da[i]}x${db[j]}`);
      const v = da[i]! * db[j]!;
      expect([cot[p + 1], cot[p + 2]]).toEqual([String(Math.floor(v / 10)), String(v % 10)]);
      prod.set(`${i},${j}`, [Math.floor(v / 10), v % 10]);
      p += 3;
    }
  }
  let carry = 0;
  const digits: number[] = [];
  for (let k = 0; k < n + m; k++) {
    let c = Math.floor(carry / 10);
    let u = carry % 10;
    if (k > 0) {
      expect([cot[p], cot[p + 1]]).toEqual([`c${c}`, String(u)]);
      p += 2;
    }
    const addends: number[] = [];
    for (let i = 0; i < n; i++) if (k - i >= 0 && k - i < m) addends.push(prod.get(`${i},${k - i}`)![1]);
    for (let i = 0; i < n; i++) if (k - 1 - i >= 0 && k - 1 - i < m) addends.push(prod.get(`${i},${k - 1 - i}`)![0]);
    for (const d of addends) {
      if (pairs) expect(cot[p++]).toBe(`${u}+${d}`);
      // The next carry depends only on the previous carry, u and d; the digit only on u and d.
      c += u + d >= 10 ? 1 : 0;
      u = (u + d) % 10;
      expect([cot[p], cot[p + 1]]).toEqual([`c${c}`, String(u)]);
      p += 2;
    }
    digits.push(u);
    carry = c;
  }
  expect(carry).toBe(0);
  expect(cot[p]).toBe('=');
  expect(p + 1).toBe(cot.length);
  expect(digits.reverse().join('')).toBe(String(a * b).padStart(n + m, '0'));
}

describe('stepwise format', () => {
  it('is 146 tokens for 4×4 (178 with addition pairs)', () => {
    expect(stepwiseLength({ n: 4, m: 4 }, false)).toBe(146);
    expect(stepwiseLength({ n: 4, m: 4 }, true)).toBe(178);
    const ex = createMultiplicationTask({ format: 'stepwise' }).example({ a: 9999, b: 9999 });
    expect(ex.prompt.length + ex.cot.length + ex.answer.length).toBe(146);
  });
  it('each step follows the documented rule, and the answer is the product', () => {
    const rng = createRng(5);
    for (const pairs of [false, true]) {
      for (const [n, m] of [[4, 4], [2, 2], [1, 3], [5, 2]] as const) {
        const task = createMultiplicationTask({ digits: [n, m], format: pairs ? 'stepwise-linear' : 'stepwise' });
        const vocab = new Set(task.vocabulary());
        const inputs = [{ a: 10 ** n - 1, b: 10 ** m - 1 }, ...Array.from({ length: 30 }, () => task.drawInput(rng))];
        for (const input of inputs) {
          const ex = task.example(input);
          replay(ex.cot, n, m, input.a, input.b, pairs);
          for (const s of [...ex.prompt, ...ex.cot, ...ex.answer]) expect(vocab.has(s)).toBe(true);
          expect(task.format.answerOf([...ex.cot, ...ex.answer, '7'])).toEqual(ex.answer);
          expect(ex.prompt.length + ex.cot.length + ex.answer.length).toBe(task.format.fixedLength);
        }
      }
    }
  });
  it('answerOf rejects a continuation without = or with a non-digit answer', () => {
    const task = createMultiplicationTask({ format: 'stepwise' });
    const ex = task.example({ a: 1234, b: 5678 });
    expect(task.format.answerOf(ex.cot.slice(0, -1))).toBeUndefined();
    expect(task.format.answerOf([...ex.cot, 'c0', ...ex.answer])).toBeUndefined();
  });
  it('sizes its carry tokens from a bound that holds for all-nines operands', () => {
    expect(maxStepwiseCarry({ n: 4, m: 4 })).toBeLessThan(10);
    expect(maxStepwiseCarry({ n: 8, m: 7 })).toBeGreaterThanOrEqual(10);
    const task = createMultiplicationTask({ digits: [8, 7], format: 'stepwise' });
    replay(task.example({ a: 99999999, b: 9999999 }).cot, 8, 7, 99999999, 9999999, false);
  });
});

describe('stepwise dependencies', () => {
  it('every token is a function of at most three earlier tokens at fixed positions (checked on 1,500 inputs)', () => {
    for (const pairs of [false, true]) {
      const task = createMultiplicationTask({ digits: '4x4', format: pairs ? 'stepwise-linear' : 'stepwise' });
      const deps = stepwiseDependencies({ n: 4, m: 4 }, pairs);
      expect(deps).toHaveLength(task.format.fixedLength!);
      expect(deps[11]).toEqual([4, 9]);
      const seen = deps.map(() => new Map<string, string>());
      const constant = deps.map(() => new Set<string>());
      expect(deps.every((from, pos) => from.length <= 3 && from.every((f) => f < pos))).toBe(true);
      const rng = createRng(21);
      let conflicts = 0;
      for (let t = 0; t < 1500; t++) {
        const ex = task.draw(rng);
        const seq = [...ex.prompt, ...ex.cot, ...ex.answer];
        deps.forEach((from, pos) => {
          if (pos < 11) return; // the prompt
          if (from.length === 0) {
            constant[pos]!.add(seq[pos]!);
            return;
          }
          const key = from.map((f) => seq[f]).join(' ');
          const prev = seen[pos]!.get(key);
          if (prev !== undefined && prev !== seq[pos]) conflicts++;
          seen[pos]!.set(key, seq[pos]!);
        });
      }
      expect(conflicts).toBe(0);
      for (const set of constant) expect(set.size).toBeLessThanOrEqual(1);
    }
  });
});
