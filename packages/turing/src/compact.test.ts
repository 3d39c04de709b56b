import { describe, expect, it } from 'vitest';
import { isCompact, parseCompact, toCompact } from './compact.js';
import { SpecError } from './errors.js';
import { run } from './run.js';
import { validateSpec } from './validate.js';

describe('compact notation', () => {
  it('reads BB(2) into a valid spec with a halting Z', () => {
    const spec = parseCompact('1RB1LB_1LA1RZ');
    expect(validateSpec(spec)).toEqual([]);
    expect(spec.states).toEqual(['A', 'B', 'Z']);
    expect(spec.halt).toEqual(['Z']);
    expect(spec.blank).toBe('0');
    expect(spec.transitions).toContainEqual({ state: 'B', read: '1', write: '1', move: 'R', next: 'Z' });
    expect(toCompact(spec)).toBe('1RB1LB_1LA1RZ');
  });

  it('reads --- as a missing rule: the machine halts without accepting and says which rule', () => {
    const spec = parseCompact('1RB---_1LA0LA');
    expect(spec.transitions).toHaveLength(3);
    const r = run(spec, []);
    expect(r).toMatchObject({ halted: true, accepted: false, reason: 'no-transition', missing: { state: 'A', read: '1' } });
    expect(toCompact(spec)).toBe('1RB---_1LA0LA');
  });

  it('reads more than two symbols', () => {
    const spec = parseCompact('1RB2LA1RZ_2LA2RB1LB');
    expect(spec.tapeAlphabet).toEqual(['0', '1', '2']);
    expect(spec.inputAlphabet).toEqual(['1', '2']);
    expect(run(spec, []).halted).toBe(true);
  });

  it('can make the halting state accepting', () => {
    expect(parseCompact('1RB1LB_1LA1RZ', { haltKind: 'accept' }).accept).toEqual(['Z']);
    expect(run(parseCompact('1RB1LB_1LA1RZ', { haltKind: 'accept' }), []).accepted).toBe(true);
  });

  it('points at the bad character', () => {
    const error = (() => {
      try {
        parseCompact('1RB1LB_1XA1RZ');
      } catch (e) {
        return e as SpecError;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(SpecError);
    expect(error!.problems).toEqual([{ path: 'compact[8]', message: "expected a move L or R, got 'X'" }]);
    expect(() => parseCompact('1RB1LB_1LA')).toThrow(/compact\[7\]: state B has 3 characters; expected 6/);
    expect(() => parseCompact('')).toThrow(/got the empty string/);
    expect(() => parseCompact('3RB1LB_1LA1RZ')).toThrow(/compact\[0\]: expected a symbol 0–1 to write, got '3'/);
  });

  it('tells compact notation from names and files', () => {
    expect(isCompact('1RB1LC_1RC1RB_1RD0LE_1LA1LD_1RZ0LA')).toBe(true);
    expect(isCompact('1RB---_1LA0LA')).toBe(true);
    expect(isCompact('bb5')).toBe(false);
    expect(isCompact('machine.json')).toBe(false);
  });

  it('refuses to write a machine that does not have the compact shape', () => {
    const spec = parseCompact('1RB1LB_1LA1RZ');
    expect(() => toCompact({ ...spec, transitions: spec.transitions.map((t) => ({ ...t, move: 'S' as const })) })).toThrow(/only moves L and R/);
  });
});
