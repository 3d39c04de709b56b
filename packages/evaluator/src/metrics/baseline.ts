import { ratio } from './answer-metrics.js';

/** What a predictor that ignores its input scores on the same test answers. */
export interface ChanceBaseline {
  /** Exact match of always answering the most frequent training answer. */
  exactMatch: number;
  /** Per-digit accuracy of always writing, at each index, the most frequent training symbol there. */
  digitAccuracy: number;
  /** The constant answer used for `exactMatch`. */
  majorityAnswer: string[];
}

/**
 * Chance level, honestly measured: the best input-independent guess learned from the training
 * answers, scored on the test answers. Printed next to a model's numbers so "90%" has a scale.
 *
 * @example
 * chanceBaseline([['1', '2'], ['1', '2'], ['3', '4']], [['1', '2'], ['5', '6']]).exactMatch; // 0.5
 */
export function chanceBaseline(trainAnswers: Iterable<readonly string[]>, testAnswers: readonly (readonly string[])[]): ChanceBaseline {
  const whole = new Map<string, number>();
  const perIndex: Map<string, number>[] = [];
  for (const answer of trainAnswers) {
    const key = answer.join('\u0000');
    whole.set(key, (whole.get(key) ?? 0) + 1);
    answer.forEach((symbol, i) => {
      const counts = (perIndex[i] ??= new Map());
      counts.set(symbol, (counts.get(symbol) ?? 0) + 1);
    });
  }
  const majorityKey = argmax(whole);
  const majorityAnswer = majorityKey === undefined ? [] : majorityKey.split('\u0000');
  const guessAt = perIndex.map((counts) => argmax(counts));
  let exact = 0;
  let digitsRight = 0;
  let digitsTotal = 0;
  for (const answer of testAnswers) {
    if (majorityKey !== undefined && answer.join('\u0000') === majorityKey) exact++;
    answer.forEach((symbol, i) => {
      if (guessAt[i] === symbol) digitsRight++;
      digitsTotal++;
    });
  }
  return { exactMatch: ratio(exact, testAnswers.length), digitAccuracy: ratio(digitsRight, digitsTotal), majorityAnswer };
}

/** The key with the largest count; ties go to the key seen first. */
function argmax(counts: Map<string, number>): string | undefined {
  let best: string | undefined;
  let bestCount = -1;
  for (const [key, count] of counts) {
    if (count > bestCount) {
      best = key;
      bestCount = count;
    }
  }
  return best;
}
