/** Where rollouts first leave the expected continuation. */
export interface FirstErrorHistogram {
  /** Rollouts that reproduced the whole expected continuation (CoT and answer). */
  noError: number;
  /** `counts[i]`: rollouts whose first wrong token is continuation token i (0 = right after the prompt). */
  counts: number[];
  /** Length of the longest expected continuation seen. */
  length: number;
}

/**
 * Index of the first token where `generated` departs from `expected`, or `undefined` when it
 * reproduces all of `expected` (tokens generated after that are ignored). A rollout that stops
 * early errs at the index where it stopped.
 *
 * @example firstErrorIndex([5, 6, 9], [5, 6, 7]); // 2
 */
export function firstErrorIndex(generated: ArrayLike<number>, expected: ArrayLike<number>): number | undefined {
  for (let i = 0; i < expected.length; i++) {
    if (i >= generated.length || generated[i] !== expected[i]) return i;
  }
  return undefined;
}

/**
 * Streams rollouts into a histogram of the position of their first wrong token.
 *
 * @example
 * const h = new FirstErrorAccumulator();
 * h.add([1, 2, 3], [1, 2, 3]);
 * h.add([1, 9, 3], [1, 2, 3]);
 * h.result(); // { noError: 1, counts: [0, 1, 0], length: 3 }
 */
export class FirstErrorAccumulator {
  #noError = 0;
  #length = 0;
  readonly #counts: number[] = [];

  /** Adds one rollout; returns its first error index (undefined when there is none). */
  add(generated: ArrayLike<number>, expected: ArrayLike<number>): number | undefined {
    this.#length = Math.max(this.#length, expected.length);
    const at = firstErrorIndex(generated, expected);
    if (at === undefined) this.#noError++;
    else this.#counts[at] = (this.#counts[at] ?? 0) + 1;
    return at;
  }

  result(): FirstErrorHistogram {
    const counts = Array.from({ length: this.#length }, (_, i) => this.#counts[i] ?? 0);
    return { noError: this.#noError, counts, length: this.#length };
  }
}
