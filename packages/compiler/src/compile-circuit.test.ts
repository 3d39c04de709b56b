import { additionCircuit, CircuitBuilder, createCircuitTask, evaluateCircuit, parityCircuit, type CircuitName } from '@cotlab/corpus';
import { describe, expect, it } from 'vitest';
import { compileCircuitProgram, compileLibraryCircuit } from './compile-circuit.js';
import { CompilerArgumentError } from './errors.js';
import { runProgram } from './program.js';
import { sparseGenerate, sparseLogits, toSparsePredictor } from './sparse-predictor.js';
import { verifyAgainstTask } from './verify.js';

describe('compiled circuits', () => {
  const exhaustive: [CircuitName, number][] = [
    ['parity', 10],
    ['comparison', 5],
    ['addition', 5],
    ['multiplication', 3],
  ];
  for (const [name, bits] of exhaustive) {
    it(`${name}-${bits}: the compiled linear predictor writes the corpus trace on every input`, () => {
      const { program, circuit } = compileLibraryCircuit(name, bits);
      const p = toSparsePredictor(program);
      expect(p.length).toBe(createCircuitTask({ circuit: name, bits }).format.fixedLength);
      expect(program.steps.filter((s) => s.kind === 'threshold').length).toBe(circuit.gates.length + circuit.outputs.length);
      const v = verifyAgainstTask(p, createCircuitTask({ circuit: name, bits, format: 'gates' }));
      expect(v).toMatchObject({ exhaustive: true, checked: 2 ** circuit.inputs, failures: 0 });
    });
  }

  for (const [name, bits] of [['addition', 32], ['multiplication', 10], ['parity', 256]] as [CircuitName, number][]) {
    it(`${name}-${bits}: right on 300 random inputs`, () => {
      const p = toSparsePredictor(compileLibraryCircuit(name, bits).program);
      const v = verifyAgainstTask(p, createCircuitTask({ circuit: name, bits, format: 'gates' }), { samples: 300, seed: 7 });
      expect(v).toMatchObject({ exhaustive: false, checked: 300, failures: 0 });
    });
  }

  it('every decision has a margin of at least 1/2 between the chosen token and any other', () => {
    const p = toSparsePredictor(compileLibraryCircuit('addition', 3).program);
    const task = createCircuitTask({ circuit: 'addition', bits: 3 });
    const vocab = task.vocabulary();
    for (const x of task.inputs!()) {
      const ex = task.example(x);
      const ids = [...ex.prompt, ...ex.cot, ...ex.answer].map((s) => vocab.indexOf(s));
      for (let i = p.promptLength - 1; i < p.length - 1; i++) {
        const l = Array.from(sparseLogits(p, ids, i));
        const target = l[ids[i + 1]!]!;
        const others = l.filter((_, v) => v !== ids[i + 1]);
        expect(target - Math.max(...others)).toBeGreaterThanOrEqual(0.5);
      }
    }
  });

  it('agrees with evaluateCircuit on a hand-built circuit with negative weights and two operands', () => {
    const b = new CircuitBuilder('xor-and', 4);
    const or = b.gate([[0, 1], [2, 1]], 1);
    const and = b.gate([[0, 1], [2, 1]], 2);
    const xor = b.gate([[or, 1], [and, -1]], 1);
    b.output(b.gate([[xor, 2], [1, 1], [3, -1]], 2));
    b.output(and);
    const circuit = b.build();
    const program = compileCircuitProgram(circuit, { operandBits: 2 });
    const p = toSparsePredictor(program);
    for (let v = 0; v < 16; v++) {
      const x = [0, 1, 2, 3].map((i) => (v >> i) & 1);
      // [BOS] x0 x1 ; x2 x3 |
      const prompt = [1, 2 + x[0]!, 2 + x[1]!, 4, 2 + x[2]!, 2 + x[3]!, 5];
      const seq = sparseGenerate(p, prompt);
      expect(Array.from(seq)).toEqual(Array.from(runProgram(program, prompt)));
      const ev = evaluateCircuit(circuit, x);
      expect(Array.from(seq.subarray(prompt.length, prompt.length + 4), (t) => t - 2)).toEqual(Array.from(ev.gates));
      expect(Array.from(seq.subarray(seq.length - 2), (t) => t - 2)).toEqual(Array.from(ev.outputs));
    }
  });

  it('a corrupted weight is caught by the verification (the check can fail)', () => {
    const p = toSparsePredictor(compileCircuitProgram(parityCircuit(6)));
    const broken = { ...p, value: p.value.slice() };
    // the weights that write gate 2 are zeroed: every logit there ties at 0, so greedy picks [UNK]
    broken.value.fill(0, p.start[p.promptLength + 1], p.start[p.promptLength + 2]);
    const v = verifyAgainstTask(broken, createCircuitTask({ circuit: 'parity', bits: 6 }));
    expect(v.failures).toBeGreaterThan(0);
    expect(v.firstFailure?.expected).not.toBe(v.firstFailure?.received);
  });

  it('rejects an operand size that does not divide the inputs', () => {
    expect(() => compileCircuitProgram(additionCircuit(3), { operandBits: 4 })).toThrow(CompilerArgumentError);
    expect(() => compileCircuitProgram(additionCircuit(3), { operandBits: 4 })).toThrow(/operandBits must be a divisor of the circuit's 6 inputs, got 4/);
  });
});

describe('sparse JSON', () => {
  it('round-trips a predictor and rejects a wrong format', async () => {
    const { parseSparsePredictor, sparsePredictorToJson } = await import('./sparse-json.js');
    const p = toSparsePredictor(compileLibraryCircuit('addition', 2).program);
    const q = parseSparsePredictor(sparsePredictorToJson(p));
    expect(q).toEqual(p);
    expect(() => parseSparsePredictor('{"format":"x"}')).toThrow(/format must be 'cotlab-sparse-linear-predictor\/1', got 'x'/);
  });
});

describe('size table', () => {
  it('T grows as the circuits do: parity n + 1 gates, addition 2n + 1, count-log ⌊log₂ n⌋ + 1', async () => {
    const { circuitSizeTable } = await import('./size-table.js');
    const rows = circuitSizeTable({ parity: [8, 16], addition: [4], 'parity-count-log': [16, 64] });
    expect(rows.map((r) => [r.target, r.n, r.gates])).toEqual([
      ['parity', 8, 9],
      ['parity', 16, 17],
      ['addition', 4, 9],
      ['parity (count-log)', 16, 5],
      ['parity (count-log)', 64, 7],
    ]);
    for (const r of rows) expect(r.sparseParameters).toBeLessThan(r.denseParameters);
  });
});
