import { describe, expect, it } from 'vitest';
import { parseCompact } from './compact.js';
import { compileMachine } from './compile.js';
import { kernelSource } from './jit.js';
import { getMachine, LIBRARY } from './machines/index.js';
import { run } from './run.js';

describe('generated (jit) engine', () => {
  it('gives the same result as the table engine on every library machine and input up to length 6', () => {
    let compared = 0;
    const wrong: string[] = [];
    for (const m of LIBRARY.filter((x) => x.inputs !== undefined)) {
      const compiled = compileMachine(m.spec);
      for (const input of m.inputs!(6)) {
        const table = JSON.stringify(run(compiled, input));
        if (JSON.stringify(run(compiled, input, { engine: 'jit' })) !== table) wrong.push(`${m.name}('${input}') fused`);
        if (JSON.stringify(run(compiled, input, { engine: 'jit', jit: { fuseRuns: false } })) !== table) wrong.push(`${m.name}('${input}') per step`);
        if (JSON.stringify(run(compiled, input, { engine: 'jit', jit: { dispatch: 'switch', inlineDepth: 3 } })) !== table) wrong.push(`${m.name}('${input}') inlined`);
        if (JSON.stringify(run(compiled, input, { engine: 'jit', jit: { dispatch: 'switch' } })) !== table) wrong.push(`${m.name}('${input}') switch`);
        if (JSON.stringify(run(compiled, input, { engine: 'jit', jit: { dispatch: 'if', inlineDepth: 2 } })) !== table) wrong.push(`${m.name}('${input}') if-chain`);
        if (JSON.stringify(run(compiled, input, { table: { fuseRuns: false } })) !== table) wrong.push(`${m.name}('${input}') plain table`);
        compared++;
      }
    }
    expect(wrong).toEqual([]);
    expect(compared).toBeGreaterThan(300);
  });

  it('counts every step of a fused run, also when the step limit falls inside one', () => {
    const bb4 = getMachine('bb4').spec;
    for (let limit = 0; limit <= 107; limit++) {
      const plain = run(bb4, [], { maxSteps: limit, table: { fuseRuns: false } });
      expect(run(bb4, [], { engine: 'jit', maxSteps: limit })).toEqual(plain);
      expect(run(bb4, [], { engine: 'jit', maxSteps: limit, jit: { dispatch: 'switch', inlineDepth: 4 } })).toEqual(plain);
      expect(run(bb4, [], { engine: 'jit', maxSteps: limit, jit: { fuseRuns: false } })).toEqual(plain);
      expect(run(bb4, [], { maxSteps: limit })).toEqual(plain);
    }
  });

  it('skips long runs natively with the same steps, tape and head, also when the limit falls inside one', () => {
    const bb5 = getMachine('bb5').spec;
    // BB(5)'s runs reach thousands of cells; these limits fall inside runs, before and after the scan starts
    for (const limit of [200_017, 200_020, 1_000_003, 2_500_001, 3_141_592]) {
      const plain = run(bb5, [], { maxSteps: limit, table: { fuseRuns: false } });
      expect(run(bb5, [], { maxSteps: limit })).toEqual(plain);
      expect(run(bb5, [], { engine: 'jit', maxSteps: limit })).toEqual(plain);
      expect(run(bb5, [], { engine: 'jit', maxSteps: limit, jit: { dispatch: 'switch' } })).toEqual(plain);
    }
  });

  it('runs BB(5) to its known step count and ones, with and without inlining', () => {
    for (const jit of [{}, { dispatch: 'switch' as const, inlineDepth: 3 }]) {
      const r = run(getMachine('bb5').spec, [], { engine: 'jit', jit });
      expect([r.steps, r.nonBlank, r.state]).toEqual([47_176_870, 4098, 'Z']);
    }
  });

  it('handles missing rules and alphabets large enough for a switch', () => {
    expect(run(parseCompact('1RB---_1LA0LA'), [], { engine: 'jit' })).toMatchObject({ reason: 'no-transition', missing: { state: 'A', read: '1' } });
    const six = parseCompact('1RB2LA1RZ3RA4LB5RB_2LA2RB1LB0LA5RA3LB');
    expect(run(six, [], { engine: 'jit', maxSteps: 10_000 })).toEqual(run(six, [], { maxSteps: 10_000 }));
    expect(run(six, [], { engine: 'jit', maxSteps: 10_000, jit: { dispatch: 'switch' } })).toEqual(run(six, [], { maxSteps: 10_000 }));
    expect(kernelSource(compileMachine(six))).toContain('switch (cells[h])');
  });

  it('fuses a rule that keeps its state into a loop', () => {
    const source = kernelSource(compileMachine(getMachine('bb5').spec));
    expect(source).toMatch(/do \{ h\+\+; n--; \} while \(n > 0 && cells\[h\] === 1 && --r > 0\);/);
    expect(source).toContain('cells.indexOf(0, h)');
    expect(kernelSource(compileMachine(getMachine('bb5').spec), { fuseRuns: false })).not.toContain('do {');
  });

  it('threads jumps: a rule entering a later state breaks to its code, an earlier one goes through the switch', () => {
    const source = kernelSource(compileMachine(getMachine('bb5').spec));
    expect(source).toContain('if (c === 0) { cells[h] = 1; h++; n--; break b1; }'); // A 0 → 1 R B
    expect(source).toContain('if (c === 0) { cells[h] = 1; h--; n--; s = 0; continue loop; }'); // D 0 → 1 L A
    expect(source).toContain('continue s1;'); // B 1 → 1 R B
  });

  it('rejects an unknown engine', () => {
    expect(() => run(getMachine('bb2').spec, [], { engine: 'gpu' as 'jit' })).toThrow("turing: engine must be 'table' or 'jit', got 'gpu'");
  });
});
