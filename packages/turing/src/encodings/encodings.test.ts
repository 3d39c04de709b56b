import { describe, expect, it } from 'vitest';
import { parseCompact } from '../compact.js';
import { EncodingError } from '../errors.js';
import { getMachine, LIBRARY } from '../machines/index.js';
import type { RunResult } from '../result.js';
import { Simulation } from '../simulation.js';
import { ID_CHUNK } from './define.js';
import type { CotEncoding } from './encoding.js';
import { ENCODING_NAMES, ENCODINGS, getEncoding } from './index.js';

function collect(encoding: CotEncoding, ...args: Parameters<CotEncoding['encode']>): { tokens: string[]; result: RunResult } {
  const gen = encoding.encode(...args);
  const tokens: string[] = [];
  for (let next = gen.next(); ; next = gen.next()) {
    if (next.done === true) return { tokens, result: next.value };
    tokens.push(next.value);
  }
}

/** The tape width s of a run: cells from the leftmost to the rightmost visited or holding input. */
function width(spec: Parameters<CotEncoding['encode']>[0], input: string): number {
  const sim = new Simulation(spec, input);
  while (sim.step());
  return sim.maxVisited - sim.minVisited + 1;
}

const parity = getMachine('parity').spec;

describe('CoT encodings', () => {
  it('write the documented examples', () => {
    expect(collect(ENCODINGS.transitions, parity, '1').tokens.join(' ')).toBe('q:even 1 1 R q:odd _ _ S q:yes <accept>');
    expect(collect(ENCODINGS.snapshots, parity, '1').tokens.join(' ')).toBe('q:even 1 <sep> 1 q:odd _ <sep> 1 q:yes _ <sep> <accept>');
    expect(collect(ENCODINGS.incremental, parity, '1').tokens.join(' ')).toBe('_ q:even 1 _ 1 q:odd _ _ 1 q:yes _ _ <accept>');
  });

  it('snapshot i is configuration i of the run', () => {
    const spec = getMachine('binary-increment').spec;
    const { tokens } = collect(ENCODINGS.snapshots, spec, '011');
    const configs = tokens.join(' ').split(' <sep>').map((c) => c.trim());
    expect(configs.slice(0, 3)).toEqual(['q:right 0 1 1', '0 q:right 1 1', '0 1 q:right 1']);
    expect(configs.at(-2)).toBe('q:done 1 0 0 _');
    expect(configs.at(-1)).toBe('<accept>');
  });

  for (const name of ENCODING_NAMES) {
    it(`${name}: length matches ${ENCODINGS[name].lengthFormula} and every token is in the vocabulary`, () => {
      const encoding = getEncoding(name);
      let runs = 0;
      const wrong: string[] = [];
      for (const m of LIBRARY.filter((x) => x.inputs !== undefined)) {
        const vocabulary = new Set(encoding.vocabulary(m.spec));
        for (const input of m.inputs!(4)) {
          const { tokens, result } = collect(encoding, m.spec, input);
          const bound = encoding.length(result.steps, width(m.spec, input));
          const lengthOk = encoding.exactLength ? tokens.length === bound : tokens.length <= bound;
          if (!lengthOk) wrong.push(`${m.name}('${input}'): ${tokens.length} tokens, formula ${bound}`);
          const unknown = tokens.filter((t) => !vocabulary.has(t));
          if (unknown.length > 0) wrong.push(`${m.name}('${input}'): tokens ${unknown.join(', ')} not in the vocabulary`);
          if (tokens.at(-1) !== (result.accepted ? '<accept>' : '<reject>')) wrong.push(`${m.name}('${input}'): ends with ${tokens.at(-1)}`);
          runs++;
        }
      }
      expect(wrong).toEqual([]);
      expect(runs).toBeGreaterThan(100);
    });
  }

  it('snapshot length is Σ (wᵢ + 2) + 1 over the configurations', () => {
    const { tokens, result } = collect(ENCODINGS.snapshots, parity, '0000');
    // The head walks right from 0 to 4 and stays: c₀…c₃ span the 4 input cells, c₄ and c₅ five.
    expect(tokens.length).toBe(4 * (4 + 2) + 2 * (5 + 2) + 1);
    expect(result.steps).toBe(5);
  });

  it('end a run cut off by the step limit with <limit>', () => {
    for (const name of ENCODING_NAMES) {
      const { tokens, result } = collect(getEncoding(name), getMachine('bb4').spec, [], { maxSteps: 10 });
      expect(tokens.at(-1)).toBe('<limit>');
      expect(result).toMatchObject({ reason: 'step-limit', steps: 10, halted: false });
    }
  });

  it('say <halt> for a neutral halting state and <reject> for a missing rule', () => {
    expect(collect(ENCODINGS.transitions, parseCompact('1RB1LB_1LA1RZ')).tokens.at(-1)).toBe('<halt>');
    expect(collect(ENCODINGS.incremental, parseCompact('1RB---_1LA0LA')).tokens.at(-1)).toBe('<reject>');
  });

  it('stream: tokens arrive before the run ends, and an aborted stream stops within a chunk', () => {
    const controller = new AbortController();
    const gen = ENCODINGS.transitions.encode(getMachine('bb5').spec, [], { signal: controller.signal });
    for (let i = 0; i < 1000; i++) gen.next();
    controller.abort();
    let rest = 0;
    let next = gen.next();
    for (; next.done !== true; next = gen.next()) rest++;
    expect(rest).toBeLessThan(ID_CHUNK + 4);
    expect(next.value).toMatchObject({ reason: 'aborted', halted: false });
    expect(next.value.steps).toBeLessThan(ID_CHUNK);
  });

  it('stream ids that index the vocabulary, in chunks', () => {
    for (const name of ENCODING_NAMES) {
      const encoding = getEncoding(name);
      const spec = getMachine('binary-multiplication').spec;
      const vocabulary = encoding.vocabulary(spec);
      const input = name === 'snapshots' ? '1011*111' : '11111111*11111111';
      const chunks = [...encoding.encodeIds(spec, input)];
      const ids = chunks.flatMap((c) => Array.from(c));
      expect(ids.map((id) => vocabulary[id])).toEqual([...encoding.encode(spec, input)]);
      expect(chunks.length).toBeGreaterThan(0);
      const long = [...encoding.encodeIds(getMachine('bb5').spec, [], { maxSteps: 20_000 })];
      expect(long.length).toBeGreaterThan(2);
      expect(long.slice(0, -1).every((c) => c.length >= ID_CHUNK)).toBe(true);
    }
  });

  it('refuse a machine whose symbols collide with move tokens', () => {
    const spec = { ...parity, inputAlphabet: ['0', 'R'], tapeAlphabet: ['_', '0', 'R'], transitions: parity.transitions.map((t) => (t.read === '1' ? { ...t, read: 'R', write: 'R' } : t)) };
    expect(() => ENCODINGS.transitions.vocabulary(spec)).toThrow(EncodingError);
    expect(() => ENCODINGS.transitions.vocabulary(spec)).toThrow("turing: encoding 'transitions' cannot tell symbol 'R' from the move R: both are the token 'R'");
    // Encodings without move tokens accept it.
    expect(ENCODINGS.snapshots.vocabulary(spec)).toContain('R');
  });

  it('list an unknown encoding name among the known ones', () => {
    expect(() => getEncoding('tape')).toThrow("turing: encoding must be one of transitions, snapshots, incremental, got 'tape'");
  });
});
