import { BOS, UNK } from '@cotlab/corpus';

const SPECIAL_SYMBOLS: readonly string[] = [UNK, BOS];
import { compileMachine, getMachine, inputSymbols, stateToken, trace, type CompiledMachine, type Input, type MachineSpec } from '@cotlab/turing';
import { checkInt, CompilerArgumentError } from './errors.js';
import type { LinearProgram, Step } from './program.js';
import { unrollMachine, type MachineBounds, type UnrolledMachine } from './unroll-machine.js';

const PROMPT_END = '|';
const ANSWER_MARK = '=';
const GATE_ZERO = '0';
const GATE_ONE = '1';

/** A compiled machine: the unrolled circuit and the linear program that writes its trace. */
export interface MachineProgram extends UnrolledMachine {
  readonly program: LinearProgram;
  /** The prompt ids of an input word: `[BOS]`, the window's cells (the word padded with blanks), `|`. */
  prompt(input: Input): Int32Array;
  /** The answer a correct run writes for a final window and state: the cells, then the state token. */
  answerIds(tape: readonly string[], state: string): Int32Array;
}

/**
 * Compiles a time- and space-bounded run of a Turing machine into a linear program: the prompt is
 * the tape window (the input word from window cell `left`, blanks elsewhere), the chain of thought
 * is the value of every gate of {@link unrollMachine}'s circuit, then `=`, the final window (one
 * symbol per cell) and the final state token.
 *
 * @example
 * const mp = compileMachineProgram(getMachine('binary-addition').spec, { cells: 8, left: 1, steps: 40 });
 * sparseGenerate(toSparsePredictor(mp.program), mp.prompt('11+1'));
 */
export function compileMachineProgram(spec: MachineSpec | CompiledMachine, bounds: MachineBounds): MachineProgram {
  const unrolled = unrollMachine(spec, bounds);
  const m = unrolled.machine;
  const { cells, left } = unrolled.bounds;
  const G = m.numSymbols;
  const vocabulary: string[] = [...SPECIAL_SYMBOLS, GATE_ZERO, GATE_ONE];
  for (const s of m.symbols) {
    if (s === PROMPT_END || s === ANSWER_MARK || SPECIAL_SYMBOLS.includes(s)) throw new CompilerArgumentError('machine tape alphabet', `symbols other than ${PROMPT_END}, ${ANSWER_MARK} and the special tokens`, s);
    if (!vocabulary.includes(s)) vocabulary.push(s);
  }
  vocabulary.push(PROMPT_END, ANSWER_MARK, ...m.states.map(stateToken));
  const id = (s: string): number => vocabulary.indexOf(s);
  const symbolIds = m.symbols.map(id);
  const stateIds = m.states.map((s) => id(stateToken(s)));
  // The circuit's gates as threshold steps; its inputs are literals [cell p holds a] of the prompt.
  const promptLength = cells + 2;
  const circuit = unrolled.circuit;
  const inputs = circuit.inputs;
  const one = id(GATE_ONE);
  const zero = id(GATE_ZERO);
  const gatePos = (node: number): number => promptLength + node - inputs;
  const literal = (node: number): readonly [number, number] => (node < inputs ? [1 + Math.floor(node / G), symbolIds[node % G]!] : [gatePos(node), one]);
  const steps: Step[] = circuit.gates.map((g): Step => ({
    kind: 'threshold',
    terms: g.terms.map(([node, w]) => [...literal(node), w] as const),
    threshold: g.threshold,
    one,
    zero,
  }));
  steps.push({ kind: 'constant', token: id(ANSWER_MARK), label: ANSWER_MARK });
  for (let p = 0; p < cells; p++) {
    steps.push({ kind: 'select', options: m.symbols.map((_, a) => [...literal(circuit.outputs[p * G + a]!), symbolIds[a]!] as const), label: `cell ${p}` });
  }
  steps.push({ kind: 'select', options: m.states.map((_, s) => [...literal(circuit.outputs[cells * G + s]!), stateIds[s]!] as const), label: 'state' });
  const program: LinearProgram = { name: circuit.name, vocabulary, promptLength, steps, bos: id(BOS) };
  return {
    ...unrolled,
    program,
    prompt(input: Input): Int32Array {
      const word = inputSymbols(m, input);
      if (word.length > cells - left) throw new CompilerArgumentError('input', `at most ${cells - left} symbols (window of ${cells} cells from cell ${left})`, `${word.length} symbols`);
      const out = new Int32Array(promptLength);
      out[0] = id(BOS);
      for (let p = 0; p < cells; p++) {
        const k = p - left;
        const sym = k >= 0 && k < word.length ? word[k]! : m.symbols[0]!;
        const t = id(sym);
        if (t < 0 || (!m.spec.inputAlphabet.includes(sym) && sym !== m.symbols[0])) throw new CompilerArgumentError(`input[${k}]`, `a symbol of the input alphabet ${m.spec.inputAlphabet.join(' ')}`, sym);
        out[1 + p] = t;
      }
      out[promptLength - 1] = id(PROMPT_END);
      return out;
    },
    answerIds(tape: readonly string[], state: string): Int32Array {
      return Int32Array.from([...tape.map(id), id(stateToken(state))]);
    },
  };
}

/** What the simulator says about a set of inputs: the bounds they need. */
export interface MeasuredBounds extends MachineBounds {
  /** Inputs that did not halt within the step limit (they are not covered by the bounds). */
  unhalted: string[];
}

/**
 * Runs the simulator on every input and returns the smallest bounds that hold all their runs:
 * the most steps any run takes, and the window of every cell the head visits or the input fills.
 *
 * @example machineBoundsFor(getMachine('binary-addition').spec, ['1+1', '11+1'], 10_000)
 */
export function machineBoundsFor(spec: MachineSpec | CompiledMachine, inputs: Iterable<Input>, maxSteps: number): MeasuredBounds {
  checkInt('maxSteps', maxSteps, 0);
  const m = 'numSymbols' in spec ? spec : compileMachine(spec);
  let lo = 0;
  let hi = 0;
  let steps = 0;
  const unhalted: string[] = [];
  for (const input of inputs) {
    const word = inputSymbols(m, input);
    hi = Math.max(hi, word.length - 1);
    const it = trace(m, word, { maxSteps });
    let r = it.next();
    while (r.done !== true) {
      lo = Math.min(lo, r.value.head);
      hi = Math.max(hi, r.value.head);
      r = it.next();
    }
    const result = r.value;
    lo = Math.min(lo, result.head);
    hi = Math.max(hi, result.head);
    if (!result.halted) unhalted.push(word.join(''));
    steps = Math.max(steps, result.steps);
  }
  return { cells: hi - lo + 1, left: -lo, steps, unhalted };
}

/** Step limit when measuring a library machine's bounds. */
export const BOUNDS_MAX_STEPS = 100_000;

/**
 * A machine of the `@cotlab/turing` library compiled for every input word of length ≤ `maxLength`:
 * the bounds are measured on those words, which are returned for checking.
 *
 * @example
 * const { program, words } = compileLibraryMachine('binary-addition', 5);
 * verifyMachineProgram(program, words).failures; // 0
 */
export function compileLibraryMachine(name: string, maxLength: number): { program: MachineProgram; words: string[]; bounds: MachineBounds } {
  checkInt('maxLength', maxLength, 0, 16);
  const lm = getMachine(name);
  if (lm.inputs === undefined) throw new CompilerArgumentError('machine', 'a library machine with an input domain (not a busy beaver)', name);
  const words = lm.inputs(maxLength);
  const measured = machineBoundsFor(lm.spec, words, BOUNDS_MAX_STEPS);
  if (measured.unhalted.length > 0) throw new CompilerArgumentError('machine', `a machine that halts within ${BOUNDS_MAX_STEPS} steps on every input of length ≤ ${maxLength}`, `${name} (not halting on '${measured.unhalted[0] ?? ''}')`);
  const bounds = { cells: measured.cells, left: measured.left, steps: measured.steps };
  return { program: compileMachineProgram(lm.spec, bounds), words, bounds };
}
