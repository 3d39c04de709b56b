import {
  compileMachine,
  getEncoding,
  isCompact,
  parseCompact,
  parseSpec,
  Simulation,
  type CompiledMachine,
  type EncodingName,
  type MachineSpec,
  type RunResult,
} from '@cotlab/turing';

/** Most steps the playground runs on one input: it writes the whole CoT at every step, so it stays small. */
export const PLAYGROUND_MAX_STEPS = 5_000;

/** Cells shown on each side of the head and of the written part of the tape. */
const TAPE_MARGIN = 2;

/** One cell of the tape as the page draws it. */
export interface TapeCell {
  position: number;
  symbol: string;
  head: boolean;
}

/** Everything the playground shows after a step. */
export interface PlaygroundView {
  state: string;
  steps: number;
  halted: boolean;
  /** Why the run stopped, or undefined while it can step. */
  reason: RunResult['reason'] | undefined;
  tape: TapeCell[];
  /** The CoT written so far in the chosen encoding (ends with `<limit>` while the run is unfinished). */
  cot: string[];
  /** The encoding's length formula, e.g. `4t + 2`. */
  lengthFormula: string;
  /** Final result, once halted or cut at the step limit. */
  result: RunResult | undefined;
}

/** A machine that the reader pasted could not be read. */
export class PlaygroundInputError extends Error {
  override readonly name = 'PlaygroundInputError';
  constructor(
    readonly field: 'machine' | 'input',
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/**
 * Reads a machine the reader pasted: a JSON spec, or the busy-beaver compact notation
 * (`1RB1LB_1LA1RZ`). Errors name the field and say what is wrong.
 *
 * @example
 * ```ts
 * parseMachineText('1RB1LB_1LA1RZ').states; // ['A', 'B', 'Z']
 * ```
 */
export function parseMachineText(text: string): MachineSpec {
  const source = text.trim();
  if (source === '') throw new PlaygroundInputError('machine', 'playground: machine: expected a JSON spec or compact notation, got nothing');
  if (isCompact(source)) return parseCompact(source);
  let json: unknown;
  try {
    json = JSON.parse(source);
  } catch (error) {
    throw new PlaygroundInputError('machine', `playground: machine: expected a JSON spec or compact notation (e.g. 1RB1LB_1LA1RZ), got text that is neither (${(error as Error).message})`, { cause: error });
  }
  return parseSpec(json);
}

/**
 * The state behind the Turing-machine playground: a machine on an input, stepped one transition
 * at a time, with its tape and the chain of thought of its run so far in a chosen encoding.
 * Framework-free, so the page's Vue component only draws it.
 *
 * @example
 * ```ts
 * const p = new TuringPlayground(getMachine('binary-increment').spec, '1011', 'transitions');
 * p.runToEnd();
 * p.view().result?.output; // '1100'
 * ```
 */
export class TuringPlayground {
  private readonly machine: CompiledMachine;
  private sim: Simulation;
  private input: string;

  constructor(
    spec: MachineSpec,
    input: string,
    private encoding: EncodingName,
  ) {
    this.machine = compileMachine(spec);
    this.input = input;
    this.sim = new Simulation(this.machine, input);
  }

  /** Starts again on an input (by default the current one). */
  reset(input: string = this.input): void {
    this.sim = new Simulation(this.machine, input);
    this.input = input;
  }

  /** Chooses the encoding the CoT is written in (the run is unchanged). */
  setEncoding(encoding: EncodingName): void {
    this.encoding = encoding;
  }

  /** Whether the run can go on: not halted and below the playground's step limit. */
  get canStep(): boolean {
    return !this.sim.halted && this.sim.steps < PLAYGROUND_MAX_STEPS;
  }

  /** One transition; false when the machine has halted or reached the step limit. */
  step(): boolean {
    if (!this.canStep) return false;
    return this.sim.step();
  }

  /** Up to `n` transitions; returns how many ran. */
  stepMany(n: number): number {
    let done = 0;
    while (done < n && this.step()) done++;
    return done;
  }

  /** Runs until the machine halts or the playground's step limit. */
  runToEnd(): number {
    return this.stepMany(PLAYGROUND_MAX_STEPS);
  }

  /** What the page shows now. */
  view(): PlaygroundView {
    const sim = this.sim;
    const encoding = getEncoding(this.encoding);
    // The CoT of the first `steps` transitions: the encoding of the run cut at that many steps.
    // Once halted, the whole run (so a halt on a missing rule ends with its outcome, not `<limit>`).
    const maxSteps = sim.halted ? PLAYGROUND_MAX_STEPS : sim.steps;
    const cot = [...encoding.encode(this.machine, this.input, { maxSteps })];
    const from = Math.min(sim.minVisited, sim.head) - TAPE_MARGIN;
    const to = Math.max(sim.maxVisited, sim.head) + TAPE_MARGIN;
    const tape: TapeCell[] = [];
    for (let position = from; position <= to; position++) tape.push({ position, symbol: sim.read(position), head: position === sim.head });
    const finished = sim.halted || sim.steps >= PLAYGROUND_MAX_STEPS;
    if (finished && !sim.halted) sim.markStopped('step-limit');
    return {
      state: sim.state,
      steps: sim.steps,
      halted: sim.halted,
      reason: sim.reason,
      tape,
      cot,
      lengthFormula: encoding.lengthFormula,
      result: finished ? sim.result() : undefined,
    };
  }
}
