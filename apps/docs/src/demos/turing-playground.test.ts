import { getMachine, run, SpecError } from '@cotlab/turing';
import { describe, expect, it } from 'vitest';
import { parseMachineText, PLAYGROUND_MAX_STEPS, PlaygroundInputError, TuringPlayground } from './turing-playground.js';

describe('TuringPlayground', () => {
  it('steps binary increment to the right answer, writing the transition log as it goes', () => {
    const p = new TuringPlayground(getMachine('binary-increment').spec, '1011', 'transitions');
    // Before any step: the current state and the cut marker.
    expect(p.view().cot).toEqual(['q:right', '<limit>']);
    expect(p.step()).toBe(true);
    const one = p.view();
    expect(one.steps).toBe(1);
    // One step of the transition log is 4 tokens (state, read, write, move), then the cut marker.
    expect(one.cot).toHaveLength(4 + 2);
    expect(one.cot.at(-1)).toBe('<limit>');
    expect(one.result).toBeUndefined();
    p.runToEnd();
    const end = p.view();
    expect(end.halted).toBe(true);
    expect(end.result?.output).toBe('1100');
    const direct = run(getMachine('binary-increment').spec, '1011');
    expect(end.steps).toBe(direct.steps);
    expect(end.cot.length).toBe(4 * direct.steps + 2);
    expect(end.tape.find((c) => c.head)?.position).toBe(direct.head);
  });

  it('writes each encoding of the same run, and resets on a new input', () => {
    const p = new TuringPlayground(getMachine('parity').spec, '1101', 'snapshots');
    p.runToEnd();
    const snapshots = p.view().cot;
    p.setEncoding('transitions');
    expect(p.view().cot.join(' ')).not.toBe(snapshots.join(' '));
    expect(p.view().cot.at(-1)).toBe('<accept>');
    p.reset('11');
    expect(p.view().steps).toBe(0);
    p.runToEnd();
    expect(p.view().cot.at(-1)).toBe('<reject>');
  });

  it('stops at the playground step limit and says so', () => {
    const p = new TuringPlayground(getMachine('bb5').spec, '', 'transitions');
    expect(p.runToEnd()).toBe(PLAYGROUND_MAX_STEPS);
    const view = p.view();
    expect(view.halted).toBe(false);
    expect(view.result?.reason).toBe('step-limit');
    expect(p.step()).toBe(false);
  });
});

describe('parseMachineText', () => {
  it('reads compact notation and JSON specs', () => {
    expect(parseMachineText('1RB1LB_1LA1RZ').states).toContain('A');
    const spec = getMachine('parity').spec;
    expect(parseMachineText(JSON.stringify(spec)).start).toBe(spec.start);
  });

  it('names what is wrong', () => {
    expect(() => parseMachineText('')).toThrow(PlaygroundInputError);
    expect(() => parseMachineText('{ nope')).toThrow(/machine: expected a JSON spec or compact notation/);
    expect(() => parseMachineText('{"states": []}')).toThrow(SpecError);
  });
});
