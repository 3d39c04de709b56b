import { expectClose } from '@cotlab/test-utils';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from './backend.js';
import { affineCrossEntropySum } from './head.js';
import { Rng } from './rng.js';
import { tf } from './tf.js';
import { fusedAffineCrossEntropy, fusedHeadApplies } from './wasm-head.js';

/** The loss and its three gradients in float64, straight from the definitions. */
function reference(h: number[][], w: number[][], b: number[], targets: number[], coef: number[]) {
  const [k, V] = [w.length, b.length];
  let loss = 0;
  const dh = h.map(() => new Array<number>(k).fill(0));
  const dw = w.map(() => new Array<number>(V).fill(0));
  const db = new Array<number>(V).fill(0);
  h.forEach((row, n) => {
    const logits = b.map((bv, v) => bv + row.reduce((s, x, i) => s + x * w[i]![v]!, 0));
    const m = Math.max(...logits);
    const sum = logits.reduce((s, x) => s + Math.exp(x - m), 0);
    loss += coef[n]! * Math.min(Math.log(sum) + m - logits[targets[n]!]!, -Math.log(1e-30));
    logits.forEach((x, v) => {
      const g = coef[n]! * (Math.exp(x - m) / sum - (v === targets[n] ? 1 : 0));
      db[v] = db[v]! + g;
      for (let i = 0; i < k; i++) {
        dh[n]![i] = dh[n]![i]! + g * w[i]![v]!;
        dw[i]![v] = dw[i]![v]! + g * row[i]!;
      }
    });
  });
  return { loss, dh, dw, db };
}

function random(rng: Rng, rows: number, cols: number, scale = 1): number[][] {
  return Array.from({ length: rows }, () => Array.from({ length: cols }, () => scale * rng.normal()));
}

describe('the fused output layer on wasm (head_grad)', () => {
  beforeAll(async () => {
    await initBackend('wasm');
  });

  // [N, k, V]: rows not a multiple of 4, a vocabulary not a multiple of 8, the paper's V = 117
  for (const [N, k, V] of [
    [37, 8, 13],
    [40, 16, 16],
    [9, 32, 117],
  ] as const) {
    it(`[${N}, ${k}] → ${V}: the loss and the gradients of h, w and b, as in float64`, () => {
      expect(fusedHeadApplies(k, V)).toBe(true);
      const rng = new Rng(N + k + V);
      const h = random(rng, N, k);
      const w = random(rng, k, V, 0.5);
      const b = random(rng, 1, V)[0]!;
      const targets = Array.from({ length: N }, (_, n) => (n * 5 + 2) % V);
      const coef = Array.from({ length: N }, (_, n) => (n % 5 === 3 ? 0 : 0.25 + (n % 3)));
      const want = reference(h, w, b, targets, coef);
      const got = fusedAffineCrossEntropy(tf.tensor2d(h), tf.tensor2d(w), tf.tensor1d(b), tf.tensor1d(targets, 'int32'), tf.tensor1d(coef));
      expectClose(got.loss.dataSync(), [want.loss], { rtol: 1e-5 });
      expect(got.dh.shape).toEqual([N, k]);
      expect(got.dw.shape).toEqual([k, V]);
      expect(got.db.shape).toEqual([V]);
      expectClose(got.dh.dataSync(), want.dh.flat(), { rtol: 1e-4, atol: 1e-5 });
      expectClose(got.dw.dataSync(), want.dw.flat(), { rtol: 1e-4, atol: 1e-5 });
      expectClose(got.db.dataSync(), want.db, { rtol: 1e-4, atol: 1e-5 });
    });
  }

  it('stays finite for logits in the hundreds, and floors a row’s loss at −log 1e-30 as the tensor-op path does', () => {
    const [N, k, V] = [4, 8, 8];
    const rng = new Rng(3);
    const h = random(rng, N, k, 30);
    const w = random(rng, k, V, 3);
    const b = new Array<number>(V).fill(0);
    // each row's target is its least likely entry: its loss is far past the floor
    const logits = h.map((row) => b.map((_, v) => row.reduce((s, x, i) => s + x * w[i]![v]!, 0)));
    const targets = logits.map((row) => row.indexOf(Math.min(...row)));
    const coef = [1, 1, 1, 1];
    const want = reference(h, w, b, targets, coef);
    expect(want.loss).toBeCloseTo(4 * -Math.log(1e-30), 3);
    const got = fusedAffineCrossEntropy(tf.tensor2d(h), tf.tensor2d(w), tf.tensor1d(b), tf.tensor1d(targets, 'int32'), tf.tensor1d(coef));
    expectClose(got.loss.dataSync(), [want.loss], { rtol: 1e-5 });
    expectClose(got.dh.dataSync(), want.dh.flat(), { rtol: 1e-4, atol: 1e-3 });
    expectClose(got.dw.dataSync(), want.dw.flat(), { rtol: 1e-4, atol: 1e-3 });
  });

  it('is what affineCrossEntropySum differentiates through, and names a target outside the vocabulary', () => {
    const rng = new Rng(11);
    const [N, k, V] = [12, 16, 10];
    const h = tf.tensor2d(random(rng, N, k));
    const w = tf.tensor2d(random(rng, k, V));
    const b = tf.tensor1d(random(rng, 1, V)[0]!);
    const targets = tf.tensor1d(Array.from({ length: N }, (_, n) => n % V), 'int32');
    const coef = tf.ones<tf.Rank.R1>([N]);
    const fused = fusedAffineCrossEntropy(h, w, b, targets, coef);
    const grads = tf.grads((hh: tf.Tensor, ww: tf.Tensor, bb: tf.Tensor) => affineCrossEntropySum(hh as tf.Tensor2D, ww as tf.Tensor2D, bb as tf.Tensor1D, targets, coef))([h, w, b]);
    expect(Array.from(grads[0]!.dataSync())).toEqual(Array.from(fused.dh.dataSync()));
    expect(Array.from(grads[1]!.dataSync())).toEqual(Array.from(fused.dw.dataSync()));
    expect(Array.from(grads[2]!.dataSync())).toEqual(Array.from(fused.db.dataSync()));
    const outside = tf.tensor1d(Array.from({ length: N }, (_, n) => (n === 7 ? V : 0)), 'int32');
    expect(() => fusedAffineCrossEntropy(h, w, b, outside, coef)).toThrow(/target 10 of row 7 is not in \[0, 9\]/);
  });

  it('gives a non-finite loss for a non-finite hidden row, so training stops on it (not a silent finite value)', () => {
    const [N, k, V] = [16, 8, 8];
    const rng = new Rng(5);
    for (const bad of [NaN, Infinity]) {
      const h = random(rng, N, k);
      h[9]![3] = bad;
      const w = random(rng, k, V);
      const got = fusedAffineCrossEntropy(tf.tensor2d(h), tf.tensor2d(w), tf.zeros<tf.Rank.R1>([V]), tf.tensor1d(new Array<number>(N).fill(2), 'int32'), tf.ones<tf.Rank.R1>([N]));
      expect(Number.isFinite(got.loss.dataSync()[0])).toBe(false);
    }
  });

  it('leaves output layers whose weight gradient outgrows a core’s cache, or with k not a multiple of 8, to tensor ops', () => {
    expect(fusedHeadApplies(32, 512)).toBe(true);
    expect(fusedHeadApplies(256, 50_258)).toBe(false);
    expect(fusedHeadApplies(12, 64)).toBe(false);
  });
});
