import type { CompiledMachine } from './compile.js';
import { ArgumentError } from './errors.js';
import type { Input } from './input.js';
import type { RunResult } from './result.js';
import { Simulation, type SimulationOptions } from './simulation.js';
import type { MachineSpec } from './spec.js';

/** Default step limit: enough for BB(5)'s 47,176,870 steps (Marxen & Buntrock 1990). */
export const DEFAULT_MAX_STEPS = 100_000_000;
/** Steps between two checks of the AbortSignal and two progress reports (~20–100 ms of work). */
export const CHUNK_STEPS = 1 << 23;

/** Progress of a long run, reported between chunks. */
export interface RunProgress {
  readonly steps: number;
  readonly maxSteps: number;
}

export interface RunOptions extends SimulationOptions {
  /** Stop after this many steps (the result then says `reason: 'step-limit'`). Default DEFAULT_MAX_STEPS. */
  maxSteps?: number;
  /** Checked between chunks of CHUNK_STEPS steps; an aborted run returns `reason: 'aborted'`. */
  signal?: AbortSignal;
  /** Called between chunks of CHUNK_STEPS steps. */
  onProgress?: (progress: RunProgress) => void;
}

function checkMaxSteps(maxSteps: number): void {
  if (!(Number.isSafeInteger(maxSteps) && maxSteps >= 0)) throw new ArgumentError('maxSteps', 'a safe integer ≥ 0', maxSteps);
}

/**
 * Runs a machine on an input without tracing, on the fast path (packed transition table, tape
 * doubling only when the head reaches an end), until it halts or reaches `maxSteps`. Synchronous;
 * see {@link runAsync} to keep an event loop (and Ctrl-C) responsive.
 *
 * A missing rule halts the machine: `halted` is true, `accepted` false, `reason` is
 * `'no-transition'` and `missing` names the (state, symbol). A run that hits the step limit has
 * `halted: false`, `reason: 'step-limit'` and the partial configuration.
 *
 * @example
 * const r = run(parseCompact('1RB1LB_1LA1RZ'), []);
 * r.steps;    // 6
 * r.nonBlank; // 4
 */
export function run(machine: MachineSpec | CompiledMachine, input: Input = [], options: RunOptions = {}): RunResult {
  const maxSteps = options.maxSteps ?? DEFAULT_MAX_STEPS;
  checkMaxSteps(maxSteps);
  const sim = new Simulation(machine, input, options);
  while (sim.reason === undefined || sim.reason === 'step-limit') {
    if (options.signal?.aborted) {
      sim.markStopped('aborted');
      break;
    }
    const budget = Math.min(CHUNK_STEPS, maxSteps - sim.steps);
    if (budget === 0) {
      sim.markStopped('step-limit');
      break;
    }
    sim.advance(budget);
    options.onProgress?.({ steps: sim.steps, maxSteps });
  }
  return sim.result();
}

/**
 * Like {@link run}, but yields to the event loop between chunks of CHUNK_STEPS steps, so an
 * AbortSignal fired by a UI or by Ctrl-C stops it at the next chunk.
 *
 * @example
 * const r = await runAsync(getMachine('bb5'), [], { signal, onProgress: (p) => bar.update(p.steps) });
 */
export async function runAsync(machine: MachineSpec | CompiledMachine, input: Input = [], options: RunOptions = {}): Promise<RunResult> {
  const maxSteps = options.maxSteps ?? DEFAULT_MAX_STEPS;
  checkMaxSteps(maxSteps);
  const sim = new Simulation(machine, input, options);
  while (sim.reason === undefined || sim.reason === 'step-limit') {
    if (options.signal?.aborted) {
      sim.markStopped('aborted');
      break;
    }
    const budget = Math.min(CHUNK_STEPS, maxSteps - sim.steps);
    if (budget === 0) {
      sim.markStopped('step-limit');
      break;
    }
    sim.advance(budget);
    options.onProgress?.({ steps: sim.steps, maxSteps });
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
  }
  return sim.result();
}
