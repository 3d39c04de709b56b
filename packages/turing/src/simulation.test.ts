import { describe, expect, it } from 'vitest';
import { compileMachine } from './compile.js';
import { parseCompact } from './compact.js';
import { ArgumentError, InputError } from './errors.js';
import { getMachine } from './machines/index.js';
import { run, runAsync } from './run.js';
import { Simulation } from './simulation.js';
import { configurations, trace } from './trace.js';

const increment = getMachine('binary-increment').spec;

describe('Simulation', () => {
  it('steps, inspects and resets', () => {
    const sim = new Simulation(increment, '1011');
    expect(sim.state).toBe('right');
    expect(sim.head).toBe(0);
    expect(sim.read(0)).toBe('1');
    expect(sim.read(-5)).toBe('_');
    expect(sim.step()).toBe(true);
    expect(sim.head).toBe(1);
    expect(sim.steps).toBe(1);
    expect(sim.lastRead).toBe(compileMachine(increment).symbolIndex('1'));
    while (sim.step());
    expect(sim.halted).toBe(true);
    expect(sim.step()).toBe(false);
    expect(sim.result()).toMatchObject({ halted: true, accepted: true, state: 'done', output: '1100', nonBlank: 4, reason: 'halt-state' });
    sim.reset();
    expect(sim.steps).toBe(0);
    expect(sim.halted).toBe(false);
    expect(sim.read(3)).toBe('1');
    sim.reset('111');
    expect(sim.advance(1000)).toBeGreaterThan(0);
    expect(sim.result().output).toBe('1000');
  });

  it('gives the same result stepping one at a time and on the fast path, across tape growth', () => {
    const bb4 = parseCompact('1RB1LB_1LA0LC_1RZ1LD_1RD0RA');
    const slow = new Simulation(bb4);
    while (slow.step());
    const fast = run(bb4);
    expect(slow.result()).toEqual(fast);
    // A machine that runs far off to the left forces the tape to grow many times.
    const left = parseCompact('1LA1LA');
    const r = run(left, [], { maxSteps: 50_000 });
    expect(r).toMatchObject({ halted: false, reason: 'step-limit', steps: 50_000, head: -50_000, nonBlank: 50_000 });
    const stepped = new Simulation(left);
    for (let i = 0; i < 50_000; i++) stepped.step();
    expect(stepped.head).toBe(-50_000);
  });

  it('tracks the visited span', () => {
    const sim = new Simulation(parseCompact('1RB1LB_1LA1RZ'));
    while (sim.step());
    expect([sim.minVisited, sim.maxVisited]).toEqual([-2, 1]);
  });

  it('starting in a halting state makes zero steps', () => {
    const spec = { ...increment, start: 'done' };
    expect(run(spec, '1')).toMatchObject({ halted: true, accepted: true, steps: 0, output: '1' });
  });
});

describe('run', () => {
  it('returns the partial configuration at the step limit and says so', () => {
    const r = run(increment, '1111', { maxSteps: 3 });
    expect(r).toMatchObject({ halted: false, accepted: false, reason: 'step-limit', steps: 3, head: 3, state: 'right', output: '1111' });
    expect(r.tape).toEqual({ start: 0, symbols: ['1', '1', '1', '1'] });
  });

  it('reports the tape with blanks inside the output kept', () => {
    const r = run(parseCompact('1RB1LB_1LA1RZ'));
    expect(r.output).toBe('1111');
    const gaps = run(parseCompact('1RB---_0RC---_1LZ---'));
    expect(gaps.output).toBe('101');
    expect(gaps.tape).toEqual({ start: 0, symbols: ['1', '0', '1'] });
    expect(gaps.head).toBe(1);
  });

  it('rejects bad input before running, naming the symbol and its position', () => {
    expect(() => run(increment, '10a1')).toThrow(InputError);
    expect(() => run(increment, '10a1')).toThrow("input symbol 'a' at position 2 is not in the input alphabet {0, 1}");
    expect(() => run(increment, '1_')).toThrow(/'_' at position 1/);
    expect(() => run(increment, '1', { maxSteps: -1 })).toThrow(ArgumentError);
    expect(() => run(increment, '1', { maxSteps: 1.5 })).toThrow('turing: maxSteps must be a safe integer ≥ 0, got 1.5');
  });

  it('splits inputs on whitespace when a symbol is longer than one character', () => {
    const spec = { ...increment, inputAlphabet: ['0', '1', '10'], tapeAlphabet: ['_', '0', '1', '10'] };
    expect(run(spec, '1 10 1', { maxSteps: 0 }).tape.symbols).toEqual(['1', '10', '1']);
    expect(run(spec, ['1', '1'], { maxSteps: 0 }).output).toBe('1 1');
  });

  it('stops at a safe point when aborted, with progress between chunks', async () => {
    const controller = new AbortController();
    let reports = 0;
    const r = await runAsync(getMachine('bb5').spec, [], {
      signal: controller.signal,
      onProgress: () => {
        reports++;
        controller.abort();
      },
    });
    expect(reports).toBe(1);
    expect(r.reason).toBe('aborted');
    expect(r.halted).toBe(false);
    expect(r.steps).toBeGreaterThan(0);
    expect(r.steps).toBeLessThan(47_176_870);
  });
});

describe('trace', () => {
  it('streams every transition and returns the result', () => {
    const gen = trace(increment, '01');
    const steps = [];
    let next = gen.next();
    while (next.done !== true) {
      steps.push(next.value);
      next = gen.next();
    }
    expect(steps.map((s) => `${s.state} ${s.read}/${s.write} ${s.move} ${s.next}`)).toEqual([
      'right 0/0 R right',
      'right 1/1 R right',
      'right _/_ L carry',
      'carry 1/0 L carry',
      'carry 0/1 S done',
    ]);
    expect(steps.map((s) => s.head)).toEqual([0, 1, 2, 1, 0]);
    expect(next.value).toMatchObject({ steps: 5, output: '10', accepted: true });
  });

  it('streams configurations c₀ … c_t', () => {
    const gen = configurations(increment, '01');
    const seen: string[] = [];
    let next = gen.next();
    for (; next.done !== true; next = gen.next()) {
      const c = next.value;
      seen.push(`${c.step} ${c.state} ${c.head} ${c.tape.start}:${c.tape.symbols.join('')}`);
    }
    expect(seen).toEqual(['0 right 0 0:01', '1 right 1 0:01', '2 right 2 0:01_', '3 carry 1 0:01_', '4 carry 0 0:00_', '5 done 0 0:10_']);
    expect(next.value.output).toBe('10');
  });

  it('stops at the step limit', () => {
    expect([...trace(getMachine('bb4').spec, [], { maxSteps: 10 })]).toHaveLength(10);
  });
});
