import { moveName, type CompiledMachine } from './compile.js';
import { ArgumentError } from './errors.js';
import type { Input } from './input.js';
import type { RunResult } from './result.js';
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
