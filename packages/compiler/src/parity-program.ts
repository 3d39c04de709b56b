import { BOS, countWidth, createParityTask, MAX_PARITY_BITS } from '@cotlab/corpus';
import { checkInt, CompilerArgumentError } from './errors.js';
import type { LinearProgram, Step, Term } from './program.js';

/**
 * The paper's O(log n) chain of thought for parity, compiled (Malach 2023, §4: parity of n bits
 * has length complexity O(log n) for linear predictors). The CoT is the count of ones c in binary,
 * most significant bit first, as `@cotlab/corpus`' parity task writes its `count-log` format.
 * Bit j of c is one linear threshold step over the inputs and the bits already written:
 * c_j = [Σᵢ xᵢ − Σ_{k>j} 2^k·c_k ≥ 2^j]; the answer copies c₀. ⌊log₂ n⌋ + 3 steps in all.
 *
 * @example countLogParityProgram(64).steps.length // 7 count bits + '=' + answer
 */
export function countLogParityProgram(n: number): LinearProgram {
  checkInt('n', n, 1, MAX_PARITY_BITS);
  const vocabulary = createParityTask({ bits: n, format: 'count-log' }).vocabulary();
  const id = (s: string): number => {
    const i = vocabulary.indexOf(s);
    if (i < 0) throw new CompilerArgumentError('parity vocabulary', `a vocabulary holding '${s}'`, vocabulary.join(' '));
    return i;
  };
  const one = id('1');
  const zero = id('0');
  const promptLength = n + 2;
  const width = countWidth(n);
  const steps: Step[] = [];
  for (let t = 0; t < width; t++) {
    const j = width - 1 - t;
    const terms: Term[] = [];
    for (let i = 0; i < n; i++) terms.push([1 + i, one, 1]);
    for (let s = 0; s < t; s++) terms.push([promptLength + s, one, -(2 ** (width - 1 - s))]);
    steps.push({ kind: 'threshold', terms, threshold: 2 ** j, one, zero, label: `count bit ${j}` });
  }
  steps.push({ kind: 'constant', token: id('='), label: '=' });
  steps.push({ kind: 'threshold', terms: [[promptLength + width - 1, one, 1]], threshold: 1, one, zero, label: 'parity = count bit 0' });
  return { name: `parity-${n}-count-log`, vocabulary, promptLength, steps, bos: id(BOS) };
}
