import { compileMachine, KIND_ACCEPT, KIND_RUNNING, type CompiledMachine } from './compile.js';
import { ArgumentError } from './errors.js';
import { encodeInput, type Input } from './input.js';
import { jitKernel, type JitOptions } from './jit.js';
import { tableKernel, type Engine, type Kernel, type TableOptions } from './kernel.js';
import type { RunResult } from './result.js';
import type { MachineSpec, StopReason } from './spec.js';

/** Cells allocated at first, besides the input; the tape doubles when the head reaches an edge. */
const INITIAL_MARGIN = 1024;
/** The fast path grows the tape when the head is closer than this to an end, so chunks stay long. */
const MIN_EDGE_DISTANCE = 256;

/** How a Simulation runs its fast path. */
export interface SimulationOptions {
  /** 'table' (default): the general packed-table loop. 'jit': JavaScript generated for this machine. */
  engine?: Engine;
  /** Options of the generated code (engine 'jit'). */
  jit?: JitOptions;
  /** Options of the table kernel (engine 'table'). */
  table?: TableOptions;
}

/**
 * A machine running on an input, one step or many at a time: the step-wise API behind `run()`,
 * traces, the CoT encodings and the browser playground. The tape is unbounded in both directions
 * (a byte array that doubles, re-centred, whenever the head reaches one of its ends).
 *
 * @example
 * const sim = new Simulation(getMachine('binary-increment'), '1011');
 * sim.step();               // one transition; false once halted
 * sim.read(sim.head);       // the symbol under the head
 * sim.advance(1000);        // up to 1000 more steps, fast
 * sim.result().output;      // '1100'
 * sim.reset('111');         // start again on another input
 */
export class Simulation {
  readonly machine: CompiledMachine;
  /** Tape cells; position p is at index p + origin. */
  private cells: Uint8Array = new Uint8Array(0);
  private origin = 0;
  /** Head as an index into `cells`. */
  private h = 0;
  /** Current state times numSymbols (the row of the tables). */
  private row = 0;
  private stopReason: StopReason | undefined;
  private stepCount = 0;
  private lo = 0;
  private hi = 0;
  private inputLength = 0;
  private initialCells: Uint8Array = new Uint8Array(0);

  // The last transition taken by step() (valid after step() returned true).
  /** State before the last step. */
  lastState = -1;
  /** Symbol read by the last step. */
  lastRead = -1;
  /** Symbol written by the last step. */
  lastWrite = -1;
  /** Head offset of the last step (−1, 0, +1). */
  lastMove = 0;
  /** Head position before the last step. */
  lastHead = 0;

  private readonly kernel: Kernel;
  private readonly kernelOut = new Int32Array(3);

  constructor(machine: MachineSpec | CompiledMachine, input: Input = [], options: SimulationOptions = {}) {
    this.machine = compileMachine(machine);
    const engine = options.engine ?? 'table';
    if (engine !== 'table' && engine !== 'jit') throw new ArgumentError('engine', "'table' or 'jit'", engine);
    this.kernel = engine === 'jit' ? jitKernel(this.machine, options.jit) : tableKernel(this.machine, options.table);
    this.reset(input);
  }

  /** Puts the machine back in its start state on a fresh tape holding `input` (by default the last input). */
  reset(input?: Input): void {
    const m = this.machine;
    const word = input === undefined ? this.initialCells : encodeInput(m, input);
    this.initialCells = word;
    this.inputLength = word.length;
    this.cells = new Uint8Array(word.length + 2 * INITIAL_MARGIN);
    this.origin = INITIAL_MARGIN;
    this.cells.set(word, this.origin);
    this.h = this.origin;
    this.row = m.start * m.numSymbols;
    this.stepCount = 0;
    this.lo = 0;
    this.hi = Math.max(0, word.length - 1);
    this.lastState = -1;
    this.lastRead = -1;
    this.lastWrite = -1;
    this.lastMove = 0;
    this.lastHead = 0;
    this.stopReason = m.kind[m.start] === KIND_RUNNING ? undefined : 'halt-state';
  }

  /** Current state's index. */
  get stateIndex(): number {
    return this.row / this.machine.numSymbols;
  }
  /** Current state's name. */
  get state(): string {
    return this.machine.states[this.stateIndex]!;
  }
  /** Head position: 0 is the first input cell. */
  get head(): number {
    return this.h - this.origin;
  }
  /** Transitions executed so far. */
  get steps(): number {
    return this.stepCount;
  }
  /** Whether the machine has halted (a halting state or a missing rule). */
  get halted(): boolean {
    return this.stopReason === 'halt-state' || this.stopReason === 'no-transition';
  }
  /** Why it stopped, or undefined while it can still step. */
  get reason(): StopReason | undefined {
    return this.stopReason;
  }
  /** Leftmost position the head has visited, or 0 (the input's first cell). */
  get minVisited(): number {
    return this.lo;
  }
  /** Rightmost position the head has visited, or the input's last cell. */
  get maxVisited(): number {
    return this.hi;
  }
  /** Length of the input word. */
  get inputSize(): number {
    return this.inputLength;
  }

  /** Symbol index at a tape position (0, the blank, outside the written part). */
  readIndex(position: number): number {
    return this.cells[position + this.origin] ?? 0;
  }
  /** Symbol at a tape position. */
  read(position: number): string {
    return this.machine.symbols[this.readIndex(position)]!;
  }

  /** Makes sure index `h ± 1` exists, doubling and re-centring the tape when the head is at an end. */
  private grow(): void {
    const old = this.cells;
    const next = new Uint8Array(old.length * 2);
    const shift = old.length >> 1;
    next.set(old, shift);
    this.cells = next;
    this.origin += shift;
    this.h += shift;
  }

  /**
   * Executes one transition. Returns false (and records why) when the machine is halted or has no
   * rule for the symbol under the head. The transition taken is in `lastState`, `lastRead`,
   * `lastWrite`, `lastMove` and `lastHead`.
   */
  step(): boolean {
    if (this.stopReason === 'halt-state' || this.stopReason === 'no-transition') return false;
    if (this.h === 0 || this.h === this.cells.length - 1) this.grow();
    const m = this.machine;
    const sym = this.cells[this.h]!;
    const at = this.row + sym;
    const to = m.next[at]!;
    if (to < 0) {
      this.stopReason = m.kind[this.stateIndex] === KIND_RUNNING ? 'no-transition' : 'halt-state';
      return false;
    }
    this.lastState = this.stateIndex;
    this.lastRead = sym;
    this.lastWrite = m.write[at]!;
    this.lastMove = m.move[at]!;
    this.lastHead = this.h - this.origin;
    this.cells[this.h] = this.lastWrite;
    this.h += this.lastMove;
    this.row = to * m.numSymbols;
    this.stepCount++;
    const pos = this.h - this.origin;
    if (pos < this.lo) this.lo = pos;
    else if (pos > this.hi) this.hi = pos;
    if (m.kind[to] !== KIND_RUNNING) this.stopReason = 'halt-state';
    else this.stopReason = undefined;
    return true;
  }

  /**
   * Runs up to `maxSteps` more transitions on the fast path (the engine's kernel, no per-step
   * bookkeeping) and returns how many it ran. Afterwards `reason` is set when the machine halted,
   * and the visited span is widened to cover the head and every non-blank cell.
   */
  advance(maxSteps: number): number {
    if (!(Number.isSafeInteger(maxSteps) && maxSteps >= 0)) throw new ArgumentError('maxSteps', 'a safe integer ≥ 0', maxSteps);
    if (this.stopReason === 'halt-state' || this.stopReason === 'no-transition') return 0;
    const kernel = this.kernel;
    const out = this.kernelOut;
    let left = maxSteps;
    let blocked = false;
    while (left > 0) {
      // Keep every chunk long: grow (and re-centre) the tape when the head is near an end.
      if (Math.min(this.h, this.cells.length - 1 - this.h) < MIN_EDGE_DISTANCE) this.grow();
      left -= kernel(this.cells, this.h, this.row, left, out);
      this.h = out[0]!;
      this.row = out[1]!;
      if (out[2] === 1) {
        blocked = true;
        break;
      }
    }
    const ran = maxSteps - left;
    this.stepCount += ran;
    const m = this.machine;
    if (blocked) this.stopReason = m.kind[this.stateIndex] === KIND_RUNNING ? 'no-transition' : 'halt-state';
    else if (m.kind[this.stateIndex] !== KIND_RUNNING) this.stopReason = 'halt-state';
    else this.stopReason = undefined;
    if (ran > 0) this.widenVisited();
    return ran;
  }

  private widenVisited(): void {
    const head = this.head;
    if (head < this.lo) this.lo = head;
    if (head > this.hi) this.hi = head;
    const span = this.nonBlankSpan();
    if (span !== undefined) {
      if (span[0] < this.lo) this.lo = span[0];
      if (span[1] > this.hi) this.hi = span[1];
    }
  }

  /** Positions of the leftmost and rightmost non-blank cells, or undefined when the tape is blank. */
  nonBlankSpan(): [number, number] | undefined {
    const cells = this.cells;
    let a = 0;
    while (a < cells.length && cells[a] === 0) a++;
    if (a === cells.length) return undefined;
    let b = cells.length - 1;
    while (cells[b] === 0) b--;
    return [a - this.origin, b - this.origin];
  }

  /** Marks the run as stopped by its caller (a step limit or an abort) without halting it. */
  markStopped(reason: 'step-limit' | 'aborted'): void {
    if (!this.halted) this.stopReason = reason;
  }

  /** The symbols at positions [from, to]. */
  symbolsBetween(from: number, to: number): string[] {
    const out: string[] = [];
    for (let p = from; p <= to; p++) out.push(this.read(p));
    return out;
  }

  /** The current configuration as a RunResult (see `run()`). */
  result(): RunResult {
    const m = this.machine;
    const state = this.stateIndex;
    const span = this.nonBlankSpan();
    const head = this.head;
    let nonBlank = 0;
    for (let i = 0; i < this.cells.length; i++) if (this.cells[i] !== 0) nonBlank++;
    const outputSymbols = span === undefined ? [] : this.symbolsBetween(span[0], span[1]);
    const tapeFrom = span === undefined ? head : Math.min(span[0], head);
    const tapeTo = span === undefined ? head : Math.max(span[1], head);
    const singleChars = m.symbols.every((s) => Array.from(s).length === 1);
    const reason = this.stopReason ?? 'step-limit';
    const missing = reason === 'no-transition' ? { state: this.state, read: this.read(head) } : undefined;
    return {
      halted: reason === 'halt-state' || reason === 'no-transition',
      accepted: reason === 'halt-state' && m.kind[state] === KIND_ACCEPT,
      reason,
      state: this.state,
      stateKind: m.kindOf(state),
      steps: this.stepCount,
      head,
      tape: { start: tapeFrom, symbols: this.symbolsBetween(tapeFrom, tapeTo) },
      outputSymbols,
      output: outputSymbols.join(singleChars ? '' : ' '),
      nonBlank,
      ...(missing === undefined ? {} : { missing }),
    };
  }
}
