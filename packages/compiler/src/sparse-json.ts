import { CompilerArgumentError } from './errors.js';
import type { SparsePredictor } from './sparse-predictor.js';

/** `format` field of a saved sparse predictor. */
export const SPARSE_FORMAT = 'cotlab-sparse-linear-predictor/1';

/**
 * A sparse predictor as JSON text (entries as plain arrays), for `cotlab compile --out x.json`.
 *
 * @example parseSparsePredictor(sparsePredictorToJson(p)).length === p.length
 */
export function sparsePredictorToJson(p: SparsePredictor): string {
  return JSON.stringify({
    format: SPARSE_FORMAT,
    name: p.name,
    vocabulary: p.vocabulary,
    length: p.length,
    promptLength: p.promptLength,
    bias: Array.from(p.bias),
    start: Array.from(p.start),
    inPos: Array.from(p.inPos),
    inToken: Array.from(p.inToken),
    outToken: Array.from(p.outToken),
    value: Array.from(p.value),
  });
}

/**
 * Reads a sparse predictor written by {@link sparsePredictorToJson}; the error names the field.
 *
 * @example const p = parseSparsePredictor(readFileSync('addition.json', 'utf8'));
 */
export function parseSparsePredictor(text: string): SparsePredictor {
  const o = JSON.parse(text) as Record<string, unknown>;
  if (o['format'] !== SPARSE_FORMAT) throw new CompilerArgumentError('format', `'${SPARSE_FORMAT}'`, o['format']);
  const nums = (field: string): number[] => {
    const v = o[field];
    if (!Array.isArray(v) || !v.every((x) => typeof x === 'number')) throw new CompilerArgumentError(field, 'an array of numbers', typeof v);
    return v;
  };
  const vocabulary = o['vocabulary'];
  if (!Array.isArray(vocabulary) || !vocabulary.every((x) => typeof x === 'string')) throw new CompilerArgumentError('vocabulary', 'an array of strings', typeof vocabulary);
  const length = o['length'];
  const promptLength = o['promptLength'];
  if (typeof length !== 'number' || typeof promptLength !== 'number') throw new CompilerArgumentError('length', 'numbers length and promptLength', [length, promptLength]);
  const start = Int32Array.from(nums('start'));
  const n = start[start.length - 1] ?? -1;
  if (start.length !== length + 1) throw new CompilerArgumentError('start', `${length + 1} offsets`, start.length);
  const p: SparsePredictor = {
    name: typeof o['name'] === 'string' ? o['name'] : 'compiled',
    vocabulary: vocabulary,
    length,
    promptLength,
    bias: Float64Array.from(nums('bias')),
    start,
    inPos: Int32Array.from(nums('inPos')),
    inToken: Int32Array.from(nums('inToken')),
    outToken: Int32Array.from(nums('outToken')),
    value: Float64Array.from(nums('value')),
  };
  for (const f of ['inPos', 'inToken', 'outToken', 'value'] as const) if (p[f].length !== n) throw new CompilerArgumentError(f, `${n} entries`, p[f].length);
  return p;
}
