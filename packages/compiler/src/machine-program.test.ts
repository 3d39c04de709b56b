import { getMachine } from '@cotlab/turing';
import { describe, expect, it } from 'vitest';
import { CompilerArgumentError } from './errors.js';
import { compileMachineProgram, machineBoundsFor } from './machine-program.js';
import { toSparsePredictor } from './sparse-predictor.js';
import { unrollMachine } from './unroll-machine.js';
import { verifyMachineProgram } from './verify.js';

describe('Turing machines unrolled and compiled', () => {
  for (const [name, length] of [['binary-addition', 5], ['parity', 6], ['binary-increment', 4], ['palindrome', 5]] as const) {
    it(`${name}: the compiled predictor matches the simulator on every input of length ≤ ${length}`, () => {
      const lm = getMachine(name);
      const words = lm.inputs!(length);
      const bounds = machineBoundsFor(lm.spec, words, 10_000);
      expect(bounds.unhalted).toEqual([]);
      const mp = compileMachineProgram(lm.spec, bounds);
      expect(mp.circuit.gates.length).toBe(2 + bounds.steps * mp.gatesPerStep);
      const v = verifyMachineProgram(mp, words);
      expect(v).toMatchObject({ checked: words.length, failures: 0 });
    });
  }

  it('a window too small for the run is reported as failures, not silently passed', () => {
    const lm = getMachine('binary-addition');
    const words = lm.inputs!(4);
    const bounds = machineBoundsFor(lm.spec, words, 10_000);
    const mp = compileMachineProgram(lm.spec, { ...bounds, steps: Math.floor(bounds.steps / 2) });
    const v = verifyMachineProgram(mp, words);
    expect(v.failures).toBeGreaterThan(0);
    expect(v.firstFailure?.expected).toMatch(/did not halt/);
  });

  it('bounds are measured from the simulator: binary addition moves left of its input', () => {
    const b = machineBoundsFor(getMachine('binary-addition').spec, ['1+1'], 1000);
    expect(b.left).toBeGreaterThan(0);
    expect(b.unhalted).toEqual([]);
  });

  it('rejects impossible bounds before any work', () => {
    const spec = getMachine('parity').spec;
    expect(() => unrollMachine(spec, { cells: 0, left: 0, steps: 3 })).toThrow(CompilerArgumentError);
    expect(() => unrollMachine(spec, { cells: 4, left: 4, steps: 3 })).toThrow(/bounds.left must be an integer in \[0, 3\], got 4/);
    expect(() => compileMachineProgram(spec, { cells: 3, left: 0, steps: 3 }).prompt('1111')).toThrow(/input must be at most 3 symbols/);
  });

  it('sizes: gates grow linearly in steps × cells', () => {
    const spec = getMachine('binary-addition').spec;
    const a = unrollMachine(spec, { cells: 8, left: 2, steps: 10 });
    const b = unrollMachine(spec, { cells: 8, left: 2, steps: 20 });
    expect(b.circuit.gates.length - 2).toBe(2 * (a.circuit.gates.length - 2));
    expect(toSparsePredictor(compileMachineProgram(spec, { cells: 8, left: 2, steps: 10 }).program).length).toBeGreaterThan(a.circuit.gates.length);
  });
});
