import { createCircuitTask, type CircuitName } from '@cotlab/corpus';
import { describe, expect, it } from 'vitest';
import { compileLibraryCircuit } from './compile-circuit.js';
import { toSparsePredictor } from './sparse-predictor.js';
import { verifyAgainstTask } from './verify.js';

describe('compiled circuits, every input up to 16 input bits', () => {
  const cases: [CircuitName, number][] = [
    ['parity', 16],
    ['comparison', 8],
    ['addition', 8],
    ['multiplication', 4],
  ];
  for (const [name, bits] of cases) {
    it(`${name}-${bits}: the compiled linear predictor writes the corpus trace on all inputs`, () => {
      const { program, circuit } = compileLibraryCircuit(name, bits);
      const v = verifyAgainstTask(toSparsePredictor(program), createCircuitTask({ circuit: name, bits, format: 'gates' }));
      expect(v).toMatchObject({ exhaustive: true, checked: 2 ** circuit.inputs, failures: 0 });
    });
  }
});
