import { countWidth, createParityTask } from '@cotlab/corpus';
import { describe, expect, it } from 'vitest';
import { CompilerArgumentError } from './errors.js';
import { countLogParityProgram } from './parity-program.js';
import { toSparsePredictor } from './sparse-predictor.js';
import { verifyAgainstTask } from './verify.js';

describe('the O(log n) parity construction', () => {
  for (const n of [1, 2, 7, 8, 13, 16]) {
    it(`n = ${n}: exact on every input, with ⌊log₂ n⌋ + 1 count bits`, () => {
      const program = countLogParityProgram(n);
      expect(program.steps.length).toBe(countWidth(n) + 2);
      const v = verifyAgainstTask(toSparsePredictor(program), createParityTask({ bits: n, format: 'count-log' }));
      expect(v).toMatchObject({ exhaustive: true, checked: 2 ** n, failures: 0 });
    });
  }
  for (const n of [32, 64, 1000]) {
    it(`n = ${n}: exact on 500 random inputs`, () => {
      const v = verifyAgainstTask(toSparsePredictor(countLogParityProgram(n)), createParityTask({ bits: n, format: 'count-log' }), { samples: 500, seed: 3 });
      expect(v).toMatchObject({ exhaustive: false, checked: 500, failures: 0 });
    });
  }
  it('rejects n = 0 before any work', () => {
    expect(() => countLogParityProgram(0)).toThrow(CompilerArgumentError);
    expect(() => countLogParityProgram(0)).toThrow('compiler: n must be an integer in [1, 1048576], got 0');
  });
});
