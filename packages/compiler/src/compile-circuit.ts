import { BOS, circuitByName, createCircuitTask, UNK, type CircuitName, type ThresholdCircuit } from '@cotlab/corpus';
import { checkInt, CompilerArgumentError } from './errors.js';
import type { LinearProgram, Step, Term } from './program.js';

/** Symbols of the circuit-trace format of `@cotlab/corpus` (`createCircuitTask`, format `gates`). */
const ZERO = '0';
const ONE = '1';
const OPERAND_SEPARATOR = ';';
const PROMPT_END = '|';
const ANSWER_MARK = '=';
/** The vocabulary of the corpus circuit task, in id order. */
export const CIRCUIT_VOCABULARY: readonly string[] = [UNK, BOS, ZERO, ONE, OPERAND_SEPARATOR, PROMPT_END, ANSWER_MARK];

export interface CircuitProgramOptions {
  /**
   * Bits per operand: the prompt puts `;` between operands, as the corpus task does (default: the
   * whole input is one operand; the library's two-operand circuits use inputs / 2).
   */
  operandBits?: number;
}

/**
 * Compiles a threshold circuit into a linear program that writes the corpus circuit-trace format:
 * prompt `[BOS] x₀ … x_{n−1} |` (operands separated by `;`), then every gate value in order
 * (T tokens, each one threshold step over the input bits and earlier gate tokens), then `=` and
 * the output bits. This is the theorem's construction: T gates, T steps of chain of thought.
 *
 * @example
 * const program = compileCircuitProgram(additionCircuit(4), { operandBits: 4 });
 * program.steps.length; // 9 gates + '=' + 5 output bits
 */
export function compileCircuitProgram(circuit: ThresholdCircuit, options: CircuitProgramOptions = {}): LinearProgram {
  const n = circuit.inputs;
  const operandBits = options.operandBits === undefined ? Math.max(1, n) : checkInt('operandBits', options.operandBits, 1);
  if (n % operandBits !== 0 && n > 0) throw new CompilerArgumentError('operandBits', `a divisor of the circuit's ${n} inputs`, operandBits);
  const id = (s: string): number => CIRCUIT_VOCABULARY.indexOf(s);
  const one = id(ONE);
  const zero = id(ZERO);
  const operands = Math.max(1, n / operandBits);
  const promptLength = 1 + n + (operands - 1) + 1;
  const nodePos = (node: number): number => (node < n ? 1 + node + Math.floor(node / operandBits) : promptLength + node - n);
  const steps: Step[] = circuit.gates.map((g, t): Step => {
    const terms: Term[] = g.terms.map(([node, w]) => [nodePos(node), one, w]);
    return g.label === undefined ? { kind: 'threshold', terms, threshold: g.threshold, one, zero } : { kind: 'threshold', terms, threshold: g.threshold, one, zero, label: `gate ${t}: ${g.label}` };
  });
  steps.push({ kind: 'constant', token: id(ANSWER_MARK), label: ANSWER_MARK });
  circuit.outputs.forEach((node, o) => steps.push({ kind: 'threshold', terms: [[nodePos(node), one, 1]], threshold: 1, one, zero, label: `output ${o}` }));
  return { name: circuit.name, vocabulary: CIRCUIT_VOCABULARY, promptLength, steps, bos: id(BOS) };
}

/**
 * The program for a library circuit of `@cotlab/corpus` by name, laid out exactly as
 * `createCircuitTask({ circuit, bits })` writes its `gates` format (checked against the task's
 * vocabulary). `bits` is per operand.
 *
 * @example compileLibraryCircuit('parity', 16).program.steps.length // 17 gates + '=' + 1
 */
export function compileLibraryCircuit(name: CircuitName, bits: number): { program: LinearProgram; circuit: ThresholdCircuit } {
  const vocab = createCircuitTask({ circuit: name, bits, format: 'gates' }).vocabulary();
  if (vocab.join(' ') !== CIRCUIT_VOCABULARY.join(' ')) throw new CompilerArgumentError('circuit task vocabulary', CIRCUIT_VOCABULARY.join(' '), vocab.join(' '));
  const circuit = circuitByName(name, bits);
  return { program: compileCircuitProgram(circuit, { operandBits: bits }), circuit };
}
