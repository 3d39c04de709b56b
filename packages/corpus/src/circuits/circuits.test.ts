import { describe, expect, it } from 'vitest';
import { createRng } from '../rng.js';
import { CircuitBuilder, evaluateCircuit } from './circuit.js';
import { additionCircuit, comparisonCircuit, multiplicationCircuit, parityCircuit } from './library.js';
import { createCircuitTask } from './task.js';

const bitsOf = (v: number, n: number): number[] => Array.from({ length: n }, (_, i) => Math.floor(v / 2 ** i) % 2);
const valueOf = (bits: ArrayLike<number>): number => Array.from(bits).reduce((s, b, i) => s + b * 2 ** i, 0);

describe('threshold circuits', () => {
  it('parity, comparison, addition and multiplication are right on every 4-bit input', () => {
    const par = parityCircuit(8);
    for (let v = 0; v < 256; v++) expect(evaluateCircuit(par, bitsOf(v, 8)).outputs[0]).toBe(bitsOf(v, 8).reduce((a, b) => a ^ b, 0));
    const cmp = comparisonCircuit(4);
    const add = additionCircuit(4);
    const mul = multiplicationCircuit(4);
    for (let x = 0; x < 16; x++) {
      for (let y = 0; y < 16; y++) {
        const input = [...bitsOf(x, 4), ...bitsOf(y, 4)];
        expect(evaluateCircuit(cmp, input).outputs[0]).toBe(x >= y ? 1 : 0);
        expect(valueOf(evaluateCircuit(add, input).outputs)).toBe(x + y);
        expect(valueOf(evaluateCircuit(mul, input).outputs)).toBe(x * y);
      }
    }
    expect(par.gates).toHaveLength(9);
    expect(add.gates).toHaveLength(9);
  });
  it('multiplication stays right for larger operands (random 10-bit pairs)', () => {
    const mul = multiplicationCircuit(10);
    const rng = createRng(1);
    for (let t = 0; t < 200; t++) {
      const x = rng.int(1024);
      const y = rng.int(1024);
      expect(valueOf(evaluateCircuit(mul, [...bitsOf(x, 10), ...bitsOf(y, 10)]).outputs)).toBe(x * y);
    }
  });
  it('the builder rejects gates that read later nodes', () => {
    const b = new CircuitBuilder('bad', 2);
    expect(() => b.gate([[2, 1]], 1)).toThrow(/reads node 2, expected an earlier node/);
    expect(() => evaluateCircuit(parityCircuit(3), [1, 0])).toThrow(/takes 3 input bits, got 2/);
  });
  it('the task writes every gate value as CoT, then the outputs', () => {
    const task = createCircuitTask({ circuit: 'addition', bits: 3 });
    const ex = task.example(Uint8Array.from([1, 1, 0, 1, 0, 1]));
    expect(ex.prompt).toEqual(['[BOS]', '1', '1', '0', ';', '1', '0', '1', '|']);
    expect(ex.cot).toHaveLength(7 + 1);
    expect(valueOf(ex.answer.map(Number))).toBe(3 + 5);
    expect(task.format.answerOf([...ex.cot, ...ex.answer])).toEqual(ex.answer);
    const rng = createRng(2);
    for (const circuit of ['parity', 'comparison', 'multiplication']) {
      for (const format of ['gates', 'none']) {
        const t = createCircuitTask({ circuit, bits: 4, format });
        const e = t.draw(rng);
        expect(t.format.answerOf([...e.cot, ...e.answer])).toEqual(e.answer);
        expect(e.prompt.length + e.cot.length + e.answer.length).toBe(t.format.fixedLength);
      }
    }
    expect(() => createCircuitTask({ circuit: 'division' })).toThrow(/valid: parity, comparison, addition, multiplication/);
    expect(() => createCircuitTask({ circuit: 'multiplication', bits: 0 })).toThrow(/bits/);
    expect(() => createCircuitTask({ circuit: 'multiplication', bits: 17 })).toThrow(/\[1, 16\]/);
  });
});
