import { compileMachine, type CompiledMachine } from '../compile.js';
import type { Input } from '../input.js';
import type { RunResult } from '../result.js';
import { Simulation } from '../simulation.js';
import type { MachineSpec } from '../spec.js';
import { checkedMaxSteps } from '../trace.js';
import type { CotEncoding, EncodeOptions, EncodingName } from './encoding.js';
import { outcomeToken, SPECIAL_TOKENS, tokenTables } from './tokens.js';

/** Token ids are written in chunks of about this many (each chunk is a fresh Int32Array). */
export const ID_CHUNK = 1 << 14;

/** Token ids of one machine in one encoding: positions in `vocabulary(machine)`. */
export interface IdTables {
  /** Id of state i is `state + i`. */
  readonly state: number;
  /** Id of symbol j is `symbol + j`. */
  readonly symbol: number;
  /** Id of the move with head offset d is `move + d + 1` (when the encoding has moves). */
  readonly move: number;
  /** Id of each special token, by name. */
  readonly special: Readonly<Record<string, number>>;
}

/** A growing buffer of token ids, emptied chunk by chunk. */
export class IdBuffer {
  ids = new Int32Array(ID_CHUNK);
  n = 0;
  push(id: number): void {
    if (this.n === this.ids.length) {
      const bigger = new Int32Array(this.ids.length * 2);
      bigger.set(this.ids);
      this.ids = bigger;
    }
    this.ids[this.n++] = id;
  }
  get full(): boolean {
    return this.n >= ID_CHUNK;
  }
  take(): Int32Array {
    const out = this.ids.slice(0, this.n);
    this.n = 0;
    return out;
  }
}

/** Stops a run at the step limit or on abort, marking why; true when it should stop. */
export function shouldStop(sim: Simulation, maxSteps: number, signal: AbortSignal | undefined): boolean {
  if (signal?.aborted) {
    sim.markStopped('aborted');
    return true;
  }
  if (sim.steps >= maxSteps) {
    sim.markStopped('step-limit');
    return true;
  }
  return false;
}

/** The body of an encoding: steps the simulation and pushes ids, yielding full buffers. */
export type EncodingBody = (sim: Simulation, ids: IdTables, out: IdBuffer, maxSteps: number, signal: AbortSignal | undefined) => Generator<Int32Array, void>;

export interface EncodingDefinition {
  name: EncodingName;
  summary: string;
  lengthFormula: string;
  exactLength: boolean;
  length(t: number, s: number): number;
  withMoves: boolean;
  body: EncodingBody;
}

/** The outcome token's id, or undefined for an aborted run. */
export function outcomeId(sim: Simulation, ids: IdTables): number | undefined {
  const token = outcomeToken(sim);
  return token === undefined ? undefined : ids.special[token];
}

/** Builds a CotEncoding (vocabulary, id chunks, token strings) from its body. */
export function defineEncoding(def: EncodingDefinition): CotEncoding {
  const vocabularyOf = (m: CompiledMachine): readonly string[] => tokenTables(def.name, m, def.withMoves).vocabulary;
  function* encodeIds(machine: MachineSpec | CompiledMachine, input: Input = [], options: EncodeOptions = {}): Generator<Int32Array, RunResult> {
    const m = compileMachine(machine);
    const maxSteps = checkedMaxSteps(options.maxSteps);
    vocabularyOf(m); // checks for collisions before any work
    const special = Object.fromEntries(SPECIAL_TOKENS.map((t, i) => [t, i]));
    const state = SPECIAL_TOKENS.length;
    const ids: IdTables = { state, symbol: state + m.numStates, move: state + m.numStates + m.numSymbols, special };
    const sim = new Simulation(m, input);
    const out = new IdBuffer();
    yield* def.body(sim, ids, out, maxSteps, options.signal);
    if (out.n > 0) yield out.take();
    return sim.result();
  }
  return {
    name: def.name,
    summary: def.summary,
    lengthFormula: def.lengthFormula,
    exactLength: def.exactLength,
    length: (t, s) => def.length(t, s),
    vocabulary: (machine) => [...vocabularyOf(compileMachine(machine))],
    encodeIds,
    *encode(machine, input = [], options = {}) {
      const vocabulary = vocabularyOf(compileMachine(machine));
      const chunks = encodeIds(machine, input, options);
      for (let next = chunks.next(); ; next = chunks.next()) {
        if (next.done === true) return next.value;
        for (const id of next.value) yield vocabulary[id]!;
      }
    },
  };
}
