import { parameterCount, type ModelConfig } from '@cotlab/models';
import { checkInteger, EvaluatorError } from '../errors.js';

/**
 * The model width whose parameter count comes closest to `target` for a kind, vocabulary and
 * context: how the format comparison gives every model class a comparable size. Transformer
 * widths are multiples of `heads`.
 *
 * @example dimForParameters({ kind: 'mlp', vocabSize: 130, contextLength: 146 }, 2_000_000); // 13
 */
export function dimForParameters(base: Omit<ModelConfig, 'dim'>, target: number): number {
  checkInteger('target', target, 1);
  const step = base.kind === 'transformer' ? (base.heads ?? 4) : 1;
  let best = step;
  let bestGap = Infinity;
  for (let dim = step; dim <= 4096; dim += step) {
    const count = parameterCount({ ...base, dim });
    const gap = Math.abs(Math.log(count / target));
    if (gap < bestGap) {
      best = dim;
      bestGap = gap;
    }
    if (count > target * 4) break;
  }
  if (!Number.isFinite(bestGap)) throw new EvaluatorError('target', 'a parameter count some width reaches', target);
  return best;
}
