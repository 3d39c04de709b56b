import { expectClose } from '@cotlab/test-utils';
import { describe, expect, it } from 'vitest';
import { KneserNeyModel } from './kneser-ney.js';

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

const V = 12;
const rand = lcg(7);
// A Markov-ish corpus: each token tends to follow (prev + 1) mod V.
const corpus = Array.from({ length: 60 }, () => {
  const seq = [2];
  for (let i = 0; i < 30; i++) seq.push(rand() < 0.7 ? ((seq.at(-1)! + 1) % (V - 2)) + 2 : 2 + Math.floor(rand() * (V - 2)));
  return seq;
});

describe('KneserNeyModel', () => {
  for (const order of [1, 2, 3, 5]) {
    it(`order ${order}: P(· | h) sums to 1 over the vocabulary, seen and unseen contexts`, () => {
      const lm = KneserNeyModel.train(corpus, { order, vocabSize: V, bos: 1 });
      for (const history of [[], [3], [3, 4], [5, 6, 7, 8], [0, 0, 0, 0], [11, 1, 0]]) {
        let total = 0;
        for (let w = 0; w < V; w++) total += Math.exp(lm.logProb(history, w));
        expectClose(total, 1, { rtol: 1e-9 });
      }
    });
  }
  it('gives every token a non-zero probability, even one never seen', () => {
    const lm = KneserNeyModel.train(corpus, { order: 3, vocabSize: V, bos: 1 });
    expect(Number.isFinite(lm.logProb([3, 4], 0))).toBe(true);
  });
  it('higher orders fit held-out text from the same source better than a unigram', () => {
    const held = corpus.slice(50);
    const train = corpus.slice(0, 50);
    const nll = (order: number): number => {
      const lm = KneserNeyModel.train(train, { order, vocabSize: V, bos: 1 });
      return held.reduce((s, seq) => s + lm.sequenceNll(seq).nll, 0);
    };
    expect(nll(2)).toBeLessThan(nll(1) * 0.8);
    expect(nll(3)).toBeLessThan(nll(1));
  });
  it('matches hand-computed interpolated Kneser–Ney on a tiny corpus', () => {
    // Bigram model on "a b a b a c" (a=2, b=3, c=4) with BOS=1, V=5.
    const lm = KneserNeyModel.train([[2, 3, 2, 3, 2, 4]], { order: 2, vocabSize: 5, bos: 1 });
    // Bigrams: (1,2)×1 (2,3)×2 (3,2)×2 (2,4)×1. Count-of-counts n1=2, n2=2, n3=n4=0 → default discounts 0.5/0.75/0.9.
    // Unigram continuation counts: 2 ← {1,3} = 2, 3 ← {2} = 1, 4 ← {2} = 1; total 4; n1=2 (3,4), n2=1 (2).
    const p1 = (c: number, d: number): number => Math.max(c - d, 0) / 4 + ((0.5 * 2 + 0.75 * 1) / 4) * (1 / 5);
    const pUni3 = p1(1, 0.5);
    // Context 2: continuations 3 (×2) and 4 (×1): total 3, n1=1, n2=1.
    const expected = (2 - 0.75) / 3 + ((0.5 * 1 + 0.75 * 1) / 3) * pUni3;
    expectClose(Math.exp(lm.logProb([2], 3)), expected, { rtol: 1e-12 });
  });
  it('rejects bad orders and ids naming them', () => {
    expect(() => KneserNeyModel.train([[1]], { order: 0, vocabSize: 5, bos: 1 })).toThrow(/order must be an integer in \[1, 8\], got 0/);
    expect(() => KneserNeyModel.train([[1, 9]], { order: 2, vocabSize: 5, bos: 1 })).toThrow(/token id 9 at position 1 is outside \[0, 5\)/);
  });
});
