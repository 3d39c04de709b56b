import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, type CliRun } from '../testing/run-cli.js';

const cli = (...argv: string[]): Promise<CliRun> => runCli(argv);

const cliWith = (signal: AbortSignal, ...argv: string[]): Promise<CliRun> => runCli(argv, signal);

const dir = mkdtempSync(join(tmpdir(), 'cotlab-tm-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('cotlab tm', () => {
  it('lists the library', async () => {
    const { code, out } = await cli('tm', 'list');
    expect(code).toBe(0);
    for (const name of ['binary-increment', 'binary-multiplication', 'palindrome', 'copy', 'balanced-parentheses', 'bb5']) expect(out).toContain(name);
    const json = await cli('tm', 'list', '--json');
    expect((JSON.parse(json.out) as { name: string }[]).map((m) => m.name)).toContain('bb4');
  });

  it('runs a library machine and prints one JSON object', async () => {
    const { code, out } = await cli('tm', 'run', 'binary-addition', '--input', '1011+110', '--json');
    expect(code).toBe(0);
    const r = JSON.parse(out) as Record<string, unknown>;
    expect(r).toMatchObject({ halted: true, accepted: true, state: 'done', output: '10001', nonBlank: 5 });
    expect(typeof r['steps']).toBe('number');
    expect(typeof r['seconds']).toBe('number');
  });

  it('runs compact notation with either engine', async () => {
    for (const engine of ['table', 'jit']) {
      const { code, out } = await cli('tm', 'run', '1RB1LB_1LA0LC_1RZ1LD_1RD0RA', '--engine', engine, '--json');
      expect(code).toBe(0);
      expect(JSON.parse(out)).toMatchObject({ halted: true, steps: 107, nonBlank: 13, state: 'Z' });
    }
  });

  it('says when the step limit stops a run, prints the partial configuration, and exits 1', async () => {
    const { code, out } = await cli('tm', 'run', 'bb5', '--max-steps', '1000');
    expect(code).toBe(1);
    expect(out).toMatch(/NOT halted: stopped at the step limit in state '[A-E]'.* after 1,000 steps/);
    expect(out).toMatch(/output: [01]+/);
  });

  it('streams CoT tokens on stdout and the result on stderr', async () => {
    const { code, out, err } = await cli('tm', 'run', 'parity', '--input', '1', '--trace', 'transitions', '--json');
    expect(code).toBe(0);
    expect(out).toBe('q:even 1 1 R q:odd _ _ S q:yes <accept>\n');
    expect(JSON.parse(err)).toMatchObject({ accepted: true, steps: 2 });
  });

  it('rejects an unknown machine listing the library, and bad input naming symbol and position', async () => {
    const unknown = await cli('tm', 'run', 'bb9');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/no machine named 'bb9'; available: binary-increment, .*bb5/);
    const bad = await cli('tm', 'run', 'parity', '--input', '10a');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("input symbol 'a' at position 2 is not in the input alphabet {0, 1}");
    const trace = await cli('tm', 'run', 'parity', '--trace', 'tape');
    expect(trace.code).toBe(2);
    expect(trace.err).toMatch(/--trace must be one of transitions, snapshots, incremental; got 'tape'/);
  });

  it('runs a JSON spec file', async () => {
    const file = join(dir, 'flip.json');
    writeFileSync(
      file,
      JSON.stringify({
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
      }),
    );
    const { code, out } = await cli('tm', 'run', file, '--input', '0110', '--json');
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ accepted: true, output: '1001', steps: 5 });
  });

  it('stops when interrupted, printing the partial configuration, exit 130', async () => {
    const controller = new AbortController();
    controller.abort();
    const { code, out } = await cliWith(controller.signal, 'tm', 'run', 'bb5');
    expect(code).toBe(130);
    expect(out).toMatch(/NOT halted: interrupted in state 'A' .*after 0 steps/);
  });

  it('checks a spec file and prints every problem', async () => {
    const good = join(dir, 'good.json');
    writeFileSync(good, JSON.stringify({ states: ['a', 'h'], inputAlphabet: ['1'], tapeAlphabet: ['0', '1'], blank: '0', start: 'a', halt: ['h'], transitions: [{ state: 'a', read: '0', write: '1', move: 'R', next: 'h' }] }));
    expect(await cli('tm', 'check', good)).toMatchObject({ code: 0, out: `${good}: ok\n` });
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ states: ['a'], inputAlphabet: ['1'], tapeAlphabet: ['0', '1'], blank: '0', start: 'b', transitions: [{ state: 'a', read: '2', write: '1', move: 'R', next: 'q9' }] }));
    const { code, out } = await cli('tm', 'check', bad);
    expect(code).toBe(1);
    expect(out).toContain(`${bad}: start: state 'b' is not declared`);
    expect(out).toContain(`${bad}: transitions[0].read: symbol '2' is not in tapeAlphabet`);
    expect(out).toContain(`${bad}: transitions[0].next: state 'q9' is not declared`);
    expect(out).toContain('3 problems');
    const compact = await cli('tm', 'check', '1RB1LB_1XA1RZ');
    expect(compact).toMatchObject({ code: 1 });
    expect(compact.out).toContain("compact[8]: expected a move L or R, got 'X'");
  });
});
