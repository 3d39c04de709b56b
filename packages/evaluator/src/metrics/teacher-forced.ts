import { argmaxRow } from '../argmax.js';
import { ratio } from './answer-metrics.js';

/** Teacher-forced scores of one sequence position, over every sequence that reaches it. */
export interface PositionScore {
  /** Index in the full sequence `[...prompt, ...cot, ...answer]` of the token predicted. */
  position: number;
  /** Sequences scored at this position. */
  count: number;
  /** Fraction whose argmax prediction is the true token. */
  accuracy: number;
  /** Mean cross-entropy (nats) of the true token. */
  loss: number;
  /** `exp(loss)`. */
  perplexity: number;
}

export interface TeacherForcedMetrics {
  /** Tokens scored (positions with loss mask 1, over all sequences). */
  tokens: number;
  /** Fraction of scored tokens predicted right (argmax). */
  tokenAccuracy: number;
  /** Fraction of sequences whose every scored token is predicted right. */
  sequenceAccuracy: number;
  /** Mean cross-entropy in nats per scored token. */
  loss: number;
  perplexity: number;
  /** One entry per position that was scored at least once, in order. */
  byPosition: PositionScore[];
}

/**
 * Streams teacher-forced predictions into per-position accuracy, loss and perplexity. For each
 * sequence pass its ids, its logits (`[length × vocab]`, row i predicting token i + 1, as
 * `Model.logits` returns them) and a mask: `mask[i] = 1` scores the prediction of `ids[i]`
 * (from `ids[<i]`), exactly like a dataset's loss mask. Ties in the argmax go to the lower id.
 *
 * @example
 * const tf = new TeacherForcedAccumulator(2);
 * tf.add([0, 1], new Float32Array([0, 5, 0, 0]), [0, 1]); // predicts 1 after 0: right
 * tf.result().tokenAccuracy; // 1
 */
export class TeacherForcedAccumulator {
  readonly #vocab: number;
  #tokens = 0;
  #right = 0;
  #lossSum = 0;
  #sequences = 0;
  #sequencesRight = 0;
  readonly #countAt: number[] = [];
  readonly #rightAt: number[] = [];
  readonly #lossAt: number[] = [];

  constructor(vocabSize: number) {
    this.#vocab = vocabSize;
  }

  add(ids: ArrayLike<number>, logits: Float32Array, mask: ArrayLike<number>): void {
    const v = this.#vocab;
    if (logits.length < (ids.length - 1) * v) {
      throw new RangeError(`evaluator: logits hold ${logits.length / v} rows of ${v}, need ${ids.length - 1} for ${ids.length} ids`);
    }
    let allRight = true;
    for (let i = 1; i < ids.length; i++) {
      if (mask[i] !== 1) continue;
      const target = ids[i] as number;
      const row = (i - 1) * v;
      const best = argmaxRow(logits, i - 1, v);
      const max = logits[row + best] as number;
      let sum = 0;
      for (let k = 0; k < v; k++) sum += Math.exp((logits[row + k] as number) - max);
      const loss = Math.log(sum) + max - (logits[row + target] as number);
      const right = best === target;
      if (!right) allRight = false;
      this.#tokens++;
      this.#right += right ? 1 : 0;
      this.#lossSum += loss;
      this.#countAt[i] = (this.#countAt[i] ?? 0) + 1;
      this.#rightAt[i] = (this.#rightAt[i] ?? 0) + (right ? 1 : 0);
      this.#lossAt[i] = (this.#lossAt[i] ?? 0) + loss;
    }
    this.#sequences++;
    if (allRight) this.#sequencesRight++;
  }

  result(): TeacherForcedMetrics {
    const byPosition: PositionScore[] = [];
    for (let i = 0; i < this.#countAt.length; i++) {
      const count = this.#countAt[i];
      if (count === undefined || count === 0) continue;
      const loss = (this.#lossAt[i] ?? 0) / count;
      byPosition.push({ position: i, count, accuracy: ratio(this.#rightAt[i] ?? 0, count), loss, perplexity: Math.exp(loss) });
    }
    const loss = this.#tokens === 0 ? 0 : this.#lossSum / this.#tokens;
    return {
      tokens: this.#tokens,
      tokenAccuracy: ratio(this.#right, this.#tokens),
      sequenceAccuracy: ratio(this.#sequencesRight, this.#sequences),
      loss,
      perplexity: Math.exp(loss),
      byPosition,
    };
  }
}
