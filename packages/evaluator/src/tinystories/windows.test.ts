import { describe, expect, it } from 'vitest';
import { scoringWindows, trainingWindows } from './windows.js';

describe('trainingWindows', () => {
  it('joins documents with bos/eos and cuts them without overlap', () => {
    const w = trainingWindows([[5, 6, 7], [8]], 4, 1, 2);
    expect(w.map((x) => Array.from(x.ids))).toEqual([[1, 5, 6, 7], [2, 1, 8, 2]]);
    expect(Array.from(w[0]!.lossMask)).toEqual([0, 1, 1, 1]);
  });
});

describe('scoringWindows', () => {
  for (const [len, ctx] of [[1, 4], [3, 4], [4, 4], [9, 4], [10, 4], [37, 8], [100, 64]] as const) {
    it(`scores each of ${len} tokens exactly once with context ${ctx}`, () => {
      const doc = Array.from({ length: len }, (_, i) => 100 + i);
      const seq = [1, ...doc];
      const seen = new Map<number, number>();
      for (const w of scoringWindows([doc], ctx, 1)) {
        expect(w.ids.length).toBeLessThanOrEqual(ctx);
        const start = seq.indexOf(w.ids[0]!);
        for (let i = w.scoreFrom; i < w.ids.length - 1; i++) {
          const t = start + i + 1;
          expect(w.ids[i + 1]).toBe(seq[t]);
          seen.set(t, (seen.get(t) ?? 0) + 1);
        }
      }
      expect([...seen.keys()].sort((a, b) => a - b)).toEqual(doc.map((_, i) => i + 1));
      expect([...seen.values()].every((c) => c === 1)).toBe(true);
    });
  }
});
