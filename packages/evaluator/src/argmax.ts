/** Index of the largest logit of row `row` (the first one on ties, as greedy decoding picks). */
export function argmaxRow(logits: Float32Array, row: number, vocabSize: number): number {
  const base = row * vocabSize;
  let best = 0;
  let bestValue = -Infinity;
  for (let v = 0; v < vocabSize; v++) {
    const x = logits[base + v] as number;
    if (x > bestValue) {
      bestValue = x;
      best = v;
    }
  }
  return best;
}
