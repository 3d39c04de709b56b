import { moveName, type CompiledMachine } from './compile.js';
import { ArgumentError } from './errors.js';
import type { Input } from './input.js';
import type { RunResult, TapeSnapshot } from './result.js';
import { DEFAULT_MAX_STEPS } from './run.js';
import { Simulation } from './simulation.js';
import type { MachineSpec, Move } from './spec.js';

/** One transition of a run. */
export interface TraceStep {
  /** 1-based index of this step. */
  readonly step: number;
  readonly state: string;
  /** Head position before the step. */
  readonly head: number;
  readonly read: string;
  readonly write: string;
  readonly move: Move;
  readonly next: string;
}

export interface TraceOptions {
  /** Stop after this many steps (default DEFAULT_MAX_STEPS); the returned result says 'step-limit'. */
  maxSteps?: number;
  /** Checked every step; an aborted trace returns a result with reason 'aborted'. */
  signal?: AbortSignal;
}

/** Checks a step limit option. */
export function checkedMaxSteps(maxSteps: number | undefined): number {
  const limit = maxSteps ?? DEFAULT_MAX_STEPS;
  if (!(Number.isSafeInteger(limit) && limit >= 0)) throw new ArgumentError('maxSteps', 'a safe integer ≥ 0', limit);
  return limit;
}

/**
 * Streams a run one transition at a time; the generator's return value is the final RunResult.
 * Only the current configuration is held, never the whole run.
 *
 * @example
 * for (const s of trace(getMachine('parity').spec, '101')) console.log(s.state, s.read, s.move);
 */
export function* trace(machine: MachineSpec | CompiledMachine, input: Input = [], options: TraceOptions = {}): Generator<TraceStep, RunResult> {
  const maxSteps = checkedMaxSteps(options.maxSteps);
  const sim = new Simulation(machine, input);
  yield* traceSimulation(sim, maxSteps, options.signal);
  return sim.result();
}

/** Steps a simulation to its end, yielding each transition; marks why it stopped. */
export function* traceSimulation(sim: Simulation, maxSteps: number, signal?: AbortSignal): Generator<TraceStep, void> {
  const m = sim.machine;
  while (!sim.halted) {
    if (signal?.aborted) {
      sim.markStopped('aborted');
      return;
    }
    if (sim.steps >= maxSteps) {
      sim.markStopped('step-limit');
      return;
    }
    if (!sim.step()) return;
    yield {
      step: sim.steps,
      state: m.states[sim.lastState]!,
      head: sim.lastHead,
      read: m.symbols[sim.lastRead]!,
      write: m.symbols[sim.lastWrite]!,
      move: moveName(sim.lastMove),
      next: sim.state,
    };
  }
}

/** A configuration of a run: the state, the head, and the cells visited so far. */
export interface Configuration {
  /** Steps executed before this configuration (0 for the start). */
  readonly step: number;
  readonly state: string;
  /** Head position (0 = the first input cell). */
  readonly head: number;
  /** The cells from the leftmost to the rightmost visited so far (input cells included). */
  readonly tape: TapeSnapshot;
}

/**
 * Streams every configuration of a run, c₀ (the start) to the last; the generator's return value
 * is the final RunResult. Each configuration copies the visited cells, so a long run costs
 * O(steps × width) time, but memory stays O(width).
 *
 * @example
 * for (const c of configurations(getMachine('binary-increment').spec, '11')) console.log(c.state, c.head, c.tape.symbols.join(''));
 */
export function* configurations(machine: MachineSpec | CompiledMachine, input: Input = [], options: TraceOptions = {}): Generator<Configuration, RunResult> {
  const maxSteps = checkedMaxSteps(options.maxSteps);
  const sim = new Simulation(machine, input);
  const snapshot = (): Configuration => ({
    step: sim.steps,
    state: sim.state,
    head: sim.head,
    tape: { start: sim.minVisited, symbols: sim.symbolsBetween(sim.minVisited, sim.maxVisited) },
  });
  yield snapshot();
  for (const _ of traceSimulation(sim, maxSteps, options.signal)) yield snapshot();
  return sim.result();
}
