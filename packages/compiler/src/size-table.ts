import { CIRCUITS, countWidth, type CircuitName } from '@cotlab/corpus';
import { compileLibraryCircuit } from './compile-circuit.js';
import { denseParameterCount } from './dense-weights.js';
import type { LinearProgram } from './program.js';
import { programLength } from './program.js';
import { countLogParityProgram } from './parity-program.js';
import { sparseParameterCount, toSparsePredictor } from './sparse-predictor.js';

/** Size of one compiled predictor: CoT length and parameter counts. */
export interface SizeRow {
  /** What was compiled, e.g. `addition` or `parity (count-log)`. */
  target: string;
  /** Bits per operand (or input length). */
  n: number;
  /** Threshold gates of the circuit (= chain-of-thought steps T of the theorem, before `=` and the answer). */
  gates: number;
  /** Generated tokens: gates, `=`, answer. */
  generated: number;
  /** Whole sequence (prompt + generated). */
  length: number;
  vocabSize: number;
  /** The paper's LinearModel with one-hot embeddings (d = V), counted as `@cotlab/models` does. */
  denseParameters: number;
  /** Non-zero weights of the sparse per-position form. */
  sparseParameters: number;
}

/**
 * The size row of a compiled program.
 *
 * @example sizeOf('parity', 16, compileLibraryCircuit('parity', 16).program, 17).length // 37
 */
export function sizeOf(target: string, n: number, program: LinearProgram, gates: number): SizeRow {
  const p = toSparsePredictor(program);
  return {
    target,
    n,
    gates,
    generated: program.steps.length,
    length: programLength(program),
    vocabSize: program.vocabulary.length,
    denseParameters: denseParameterCount(programLength(program), program.vocabulary.length),
    sparseParameters: sparseParameterCount(p),
  };
}

/** Default sizes of the table: bits per operand for each library circuit. */
export const SIZE_TABLE_BITS: Readonly<Record<CircuitName | 'parity-count-log', readonly number[]>> = {
  parity: [4, 8, 16, 32, 64],
  'parity-count-log': [4, 8, 16, 32, 64, 1024],
  comparison: [4, 8, 16, 32],
  addition: [4, 8, 16, 32],
  multiplication: [2, 4, 8, 16],
};

/**
 * T (chain-of-thought length) and parameter counts as functions of n for every library circuit
 * and the O(log n) parity construction.
 *
 * @example circuitSizeTable().find((r) => r.target === 'addition' && r.n === 8)?.gates // 17
 */
export function circuitSizeTable(bits: Readonly<Partial<Record<CircuitName | 'parity-count-log', readonly number[]>>> = SIZE_TABLE_BITS): SizeRow[] {
  const rows: SizeRow[] = [];
  for (const name of CIRCUITS) for (const n of bits[name] ?? []) {
    const { program, circuit } = compileLibraryCircuit(name, n);
    rows.push(sizeOf(name, n, program, circuit.gates.length));
  }
  for (const n of bits['parity-count-log'] ?? []) rows.push(sizeOf('parity (count-log)', n, countLogParityProgram(n), countWidth(n)));
  return rows;
}
