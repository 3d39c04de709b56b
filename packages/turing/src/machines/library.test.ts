import { describe, expect, it } from 'vitest';
import { compileMachine } from '../compile.js';
import { run } from '../run.js';
import { validateSpec } from '../validate.js';
import { getMachine, LIBRARY, machineNames } from './index.js';

/** Inputs up to this length are checked exhaustively for every function and decider. */
const MAX_LENGTH: Record<string, number> = {
  'binary-increment': 10,
  'binary-addition': 9,
  'binary-multiplication': 8,
  parity: 10,
  palindrome: 10,
  copy: 9,
  'balanced-parentheses': 12,
};

describe('the machine library', () => {
  it('holds valid specs named as listed', () => {
    for (const m of LIBRARY) {
      expect(validateSpec(m.spec), m.name).toEqual([]);
      expect(m.spec.name).toBe(m.name);
    }
    expect(machineNames()).toEqual(expect.arrayContaining(['binary-increment', 'binary-addition', 'binary-multiplication', 'parity', 'palindrome', 'copy', 'balanced-parentheses', 'bb2', 'bb3', 'bb4', 'bb5']));
  });

  for (const m of LIBRARY.filter((x) => x.reference !== undefined)) {
    it(`${m.name} agrees with a direct implementation on every input up to length ${MAX_LENGTH[m.name]}`, () => {
      const compiled = compileMachine(m.spec);
      const inputs = m.inputs!(MAX_LENGTH[m.name]!);
      expect(inputs.length).toBeGreaterThan(30);
      let accepted = 0;
      const wrong: string[] = [];
      for (const input of inputs) {
        const expected = m.reference!(input);
        const r = run(compiled, input, { maxSteps: 1_000_000 });
        const ok = r.reason === 'halt-state' && r.accepted === expected.accepted && (expected.output === undefined || r.output === expected.output);
        if (!ok) wrong.push(`'${input}': ${r.reason}, accepted ${r.accepted}, output '${r.output}'; expected ${JSON.stringify(expected)}`);
        if (r.accepted) accepted++;
      }
      expect(wrong).toEqual([]);
      // Deciders must both accept and reject something on this many inputs.
      if (m.kind === 'decider') expect(accepted).toBeGreaterThan(0);
      if (m.kind === 'decider') expect(accepted).toBeLessThan(inputs.length);
    });
  }

  it('decides by halting state, not by running out of rules', () => {
    // Deciders reach an explicit reject state on every input in their domain.
    for (const input of ['0', '01', '110']) expect(run(getMachine('palindrome').spec, input).stateKind).not.toBe('running');
  });

  it('runs in polynomial time: multiplication of two 8-bit numbers takes well under 10⁵ steps', () => {
    const r = run(getMachine('binary-multiplication').spec, '11111111*11111111');
    expect(r.output).toBe((255n * 255n).toString(2));
    expect(r.steps).toBeLessThan(100_000);
  });

  it('rejects an unknown name listing the available ones', () => {
    expect(() => getMachine('bb6')).toThrow(/no machine named 'bb6'; available: binary-increment, .*bb5/);
  });
});

describe('the busy-beaver champions', () => {
  for (const m of LIBRARY.filter((x) => x.busyBeaver !== undefined)) {
    const bb = m.busyBeaver!;
    it(`${m.name} halts after ${bb.steps} steps with ${bb.ones} ones`, () => {
      const r = run(m.spec, []);
      expect(r.halted).toBe(true);
      expect(r.reason).toBe('halt-state');
      expect(r.state).toBe('Z');
      expect(r.steps).toBe(bb.steps);
      expect(r.nonBlank).toBe(bb.ones);
    });
  }
});
