/** Exact match and per-digit accuracy of parsed answers against the expected ones. */
export interface AnswerMetrics {
  /** Examples scored. */
  count: number;
  /** Examples whose parsed answer equals the expected one symbol for symbol. */
  exactMatchCount: number;
  /** `exactMatchCount / count` (0 when nothing was scored). */
  exactMatch: number;
  /** Continuations the format could not parse into an answer (scored as all digits wrong). */
  malformedCount: number;
  /** Fraction of expected answer symbols reproduced at their own index, over all examples. */
  digitAccuracy: number;
  /** Index i: the fraction of examples whose answer symbol i is right (answers as the format writes them). */
  digitAccuracyByPosition: number[];
}

/**
 * Streams (predicted, expected) answer pairs into exact match and per-digit accuracy. A predicted
 * answer of `undefined` means the continuation was malformed; it scores as wrong everywhere.
 * Symbols are compared at the same index, as the format writes the answer (formats pad it to a
 * fixed width); symbols beyond a shorter prediction count as wrong.
 *
 * @example
 * const acc = new AnswerAccumulator();
 * acc.add(['0', '1', '2'], ['0', '1', '2']);
 * acc.add(undefined, ['0', '4', '2']);
 * acc.result().exactMatch; // 0.5
 */
export class AnswerAccumulator {
  #count = 0;
  #exact = 0;
  #malformed = 0;
  #digitsRight = 0;
  #digitsTotal = 0;
  readonly #rightAt: number[] = [];
  readonly #totalAt: number[] = [];

  /** Scores one example; returns whether it was an exact match. */
  add(predicted: readonly string[] | undefined, expected: readonly string[]): boolean {
    this.#count++;
    if (predicted === undefined) this.#malformed++;
    let allRight = predicted !== undefined && predicted.length === expected.length;
    for (let i = 0; i < expected.length; i++) {
      const right = predicted !== undefined && predicted[i] === expected[i];
      if (!right) allRight = false;
      this.#rightAt[i] = (this.#rightAt[i] ?? 0) + (right ? 1 : 0);
      this.#totalAt[i] = (this.#totalAt[i] ?? 0) + 1;
      this.#digitsRight += right ? 1 : 0;
      this.#digitsTotal++;
    }
    if (allRight) this.#exact++;
    return allRight;
  }

  result(): AnswerMetrics {
    return {
      count: this.#count,
      exactMatchCount: this.#exact,
      exactMatch: ratio(this.#exact, this.#count),
      malformedCount: this.#malformed,
      digitAccuracy: ratio(this.#digitsRight, this.#digitsTotal),
      digitAccuracyByPosition: this.#totalAt.map((total, i) => ratio(this.#rightAt[i] ?? 0, total)),
    };
  }
}

export function ratio(part: number, whole: number): number {
  return whole === 0 ? 0 : part / whole;
}
