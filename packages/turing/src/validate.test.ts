import { describe, expect, it } from 'vitest';
import { SpecError } from './errors.js';
import type { MachineSpec } from './spec.js';
import { parseSpec, validateSpec } from './validate.js';

const flip: MachineSpec = {
  states: ['q0', 'done'],
  inputAlphabet: ['0', '1'],
  tapeAlphabet: ['_', '0', '1'],
  blank: '_',
  start: 'q0',
  accept: ['done'],
  transitions: [
    { state: 'q0', read: '0', write: '1', move: 'R', next: 'q0' },
    { state: 'q0', read: '1', write: '0', move: 'R', next: 'q0' },
    { state: 'q0', read: '_', write: '_', move: 'S', next: 'done' },
  ],
};

const paths = (value: unknown): string[] => validateSpec(value).map((p) => p.path);

describe('validateSpec', () => {
  it('accepts a valid spec', () => {
    expect(validateSpec(flip)).toEqual([]);
    expect(parseSpec(JSON.parse(JSON.stringify(flip)))).toEqual(flip);
  });

  it('points at an undeclared next state', () => {
    const bad = { ...flip, transitions: [...flip.transitions, { state: 'q0', read: '0', write: '1', move: 'R', next: 'q9' }] };
    expect(validateSpec(bad)).toContainEqual({ path: 'transitions[3].next', message: "state 'q9' is not declared" });
  });

  it('finds every problem at once', () => {
    const bad = {
      states: ['q0', 'q0', ''],
      inputAlphabet: ['_', 'a'],
      tapeAlphabet: ['0', '1'],
      blank: '_',
      start: 'qs',
      accept: ['done'],
      reject: ['q0'],
      halt: ['q0'],
      colour: 'red',
      transitions: [
        { state: 'q0', read: '2', write: '1', move: 'X', next: 'q0' },
        'not a rule',
        { state: 'q1', read: '0', write: '0', move: 'L', next: 'q0', extra: 1 },
      ],
    };
    const found = paths(bad);
    for (const path of ['states[1]', 'states[2]', 'blank', 'inputAlphabet[0]', 'inputAlphabet[1]', 'start', 'accept[0]', 'halt[0]', 'colour', 'transitions[0].state', 'transitions[0].read', 'transitions[0].move', 'transitions[1]', 'transitions[2].state', 'transitions[2].extra']) {
      expect(found, path).toContain(path);
    }
  });

  it('rejects two rules for the same (state, read), naming the first', () => {
    const bad = { ...flip, transitions: [...flip.transitions, flip.transitions[0]] };
    expect(validateSpec(bad)).toContainEqual({ path: 'transitions[3]', message: "a second rule for (state 'q0', read '0'); the first is transitions[0]" });
  });

  it('rejects non-objects and wrong field types with what it got', () => {
    expect(validateSpec(null)).toEqual([{ path: '', message: 'expected a machine spec object, got null' }]);
    expect(validateSpec({ ...flip, states: 'q0' })).toContainEqual({ path: 'states', message: "expected an array of state names, got 'q0'" });
    expect(validateSpec({ ...flip, states: [] })).toContainEqual({ path: 'states', message: 'expected at least one state, got none' });
    expect(validateSpec({ ...flip, tapeAlphabet: ['_', '0', '1', 'a b'] })).toContainEqual({ path: 'tapeAlphabet[3]', message: "symbol 'a b' contains whitespace" });
  });

  it('parseSpec throws a SpecError that lists the problems', () => {
    const bad = { ...flip, start: 'nowhere' };
    expect(() => parseSpec(bad)).toThrow(SpecError);
    expect(() => parseSpec(bad)).toThrow(/start: state 'nowhere' is not declared/);
    try {
      parseSpec(bad);
    } catch (error) {
      expect((error as SpecError).problems).toEqual([{ path: 'start', message: "state 'nowhere' is not declared" }]);
    }
  });
});
