import { expectClose } from '@cotlab/test-utils';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from './backend.js';
import { blockBounds } from './config.js';
import { affineCrossEntropySum, affineCrossEntropyValue } from './head.js';
import { affine, batchMatMul, embed, gelu, maskedLinear, matMul, slabMask, type MaskedBlock } from './ops.js';
import { Rng } from './rng.js';
import { tf } from './tf.js';
import { softmaxCrossEntropy } from './wasm-xent-grad.js';

function randn(rng: Rng, shape: number[]): tf.Tensor {
  const n = shape.reduce((a, b) => a * b, 1);
  return tf.tensor(Float32Array.from({ length: n }, () => rng.normal()), shape);
}

/** Central finite differences of a scalar function of one tensor, computed in float64 on the JS side via tf (float32). */
function finiteDifference(f: (x: tf.Tensor) => tf.Scalar, x: tf.Tensor, eps = 1e-2): Float32Array {
  const base = x.dataSync() as Float32Array;
  const out = new Float32Array(base.length);
  for (let i = 0; i < base.length; i++) {
    const plus = base.slice();
    plus[i] = base[i]! + eps;
    const minus = base.slice();
    minus[i] = base[i]! - eps;
    const fp = tf.tidy(() => f(tf.tensor(plus, x.shape)).dataSync()[0]!);
    const fm = tf.tidy(() => f(tf.tensor(minus, x.shape)).dataSync()[0]!);
    out[i] = (fp - fm) / (2 * eps);
  }
  return out;
}

for (const backend of ['wasm', 'cpu'] as const) {
  describe(`custom gradients on ${backend} match finite differences`, () => {
    beforeAll(async () => {
      await initBackend(backend);
    });

    it('matMul: both operands', () => {
      const rng = new Rng(1);
      const a = randn(rng, [3, 4]) as tf.Tensor2D;
      const b = randn(rng, [4, 5]) as tf.Tensor2D;
      const r = randn(rng, [3, 5]);
      // the loss is smooth (tanh) so finite differences test the chain rule, not just linearity
      const loss = (x: tf.Tensor, y: tf.Tensor): tf.Scalar => tf.sum(tf.mul(tf.tanh(matMul(x as tf.Tensor2D, y as tf.Tensor2D)), r));
      const [ga, gb] = tf.grads((x: tf.Tensor, y: tf.Tensor) => loss(x, y))([a, b]);
      expectClose(ga!.dataSync(), finiteDifference((x) => loss(x, b), a), { rtol: 2e-2, atol: 2e-3 });
      expectClose(gb!.dataSync(), finiteDifference((y) => loss(a, y), b), { rtol: 2e-2, atol: 2e-3 });
      tf.dispose([a, b, r, ga!, gb!]);
    });

    it('affine: input, weight and bias', () => {
      const rng = new Rng(3);
      const x = randn(rng, [4, 3]) as tf.Tensor2D;
      const w = randn(rng, [3, 5]) as tf.Tensor2D;
      const b = randn(rng, [5]) as tf.Tensor1D;
      const r = randn(rng, [4, 5]);
      const loss = (xx: tf.Tensor, ww: tf.Tensor, bb: tf.Tensor): tf.Scalar => tf.sum(tf.mul(tf.tanh(affine(xx as tf.Tensor2D, ww as tf.Tensor2D, bb as tf.Tensor1D)), r));
      expectClose(affine(x, w, b).dataSync(), tf.add(tf.matMul(x, w), b).dataSync(), { rtol: 1e-5, atol: 1e-6 });
      const [gx, gw, gb] = tf.grads((xx: tf.Tensor, ww: tf.Tensor, bb: tf.Tensor) => loss(xx, ww, bb))([x, w, b]);
      expectClose(gx!.dataSync(), finiteDifference((v) => loss(v, w, b), x), { rtol: 2e-2, atol: 2e-3 });
      expectClose(gw!.dataSync(), finiteDifference((v) => loss(x, v, b), w), { rtol: 2e-2, atol: 2e-3 });
      expectClose(gb!.dataSync(), finiteDifference((v) => loss(x, w, v), b), { rtol: 2e-2, atol: 2e-3 });
      tf.dispose([x, w, b, r, gx!, gw!, gb!]);
    });

    it('batchMatMul: both operands', () => {
      const rng = new Rng(5);
      const a = randn(rng, [2, 3, 4]) as tf.Tensor3D;
      const b = randn(rng, [2, 4, 2]) as tf.Tensor3D;
      const r = randn(rng, [2, 3, 2]);
      const loss = (x: tf.Tensor, y: tf.Tensor): tf.Scalar => tf.sum(tf.mul(tf.tanh(batchMatMul(x as tf.Tensor3D, y as tf.Tensor3D)), r));
      const [ga, gb] = tf.grads((x: tf.Tensor, y: tf.Tensor) => loss(x, y))([a, b]);
      expectClose(ga!.dataSync(), finiteDifference((x) => loss(x, b), a), { rtol: 2e-2, atol: 2e-3 });
      expectClose(gb!.dataSync(), finiteDifference((y) => loss(a, y), b), { rtol: 2e-2, atol: 2e-3 });
      tf.dispose([a, b, r, ga!, gb!]);
    });

    it('embed: repeated ids accumulate (no UnsortedSegmentSum needed)', () => {
      const rng = new Rng(2);
      const table = randn(rng, [6, 3]) as tf.Tensor2D;
      const ids = tf.tensor1d([4, 1, 4, 0, 4], 'int32');
      const r = randn(rng, [5, 3]);
      const loss = (t: tf.Tensor): tf.Scalar => tf.sum(tf.mul(tf.sin(embed(t as tf.Tensor2D, ids)), r));
      const g = tf.grad(loss)(table);
      expectClose(g.dataSync(), finiteDifference(loss, table), { rtol: 2e-2, atol: 2e-3 });
      expect(g.slice([2, 0], [1, 3]).dataSync()).toEqual(new Float32Array(3));
      tf.dispose([table, ids, r, g]);
    });

    it('gelu: value is the tanh approximation, gradient matches finite differences', () => {
      const rng = new Rng(6);
      const x = randn(rng, [3, 4]);
      const r = randn(rng, [3, 4]);
      const xs = x.dataSync();
      const expected = Array.from(xs, (v) => 0.5 * v * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (v + 0.044715 * v ** 3))));
      expectClose(tf.tidy(() => gelu(x).dataSync()), expected, { rtol: 1e-5, atol: 1e-6 });
      const loss = (t: tf.Tensor): tf.Scalar => tf.sum(tf.mul(gelu(t), r));
      const g = tf.grad(loss)(x);
      expectClose(g.dataSync(), finiteDifference(loss, x), { rtol: 2e-2, atol: 2e-3 });
      tf.dispose([x, r, g]);
    });

    it('affineCrossEntropySum: weighted rows, value and the gradient of h, w and b', () => {
      const rng = new Rng(4);
      const [N, k, V] = [37, 3, 5];
      const h = randn(rng, [N, k]) as tf.Tensor2D;
      const w = randn(rng, [k, V]) as tf.Tensor2D;
      const b = randn(rng, [V]) as tf.Tensor1D;
      const targetIds = Array.from({ length: N }, (_, n) => (n * 3) % V);
      const rowWeights = Array.from({ length: N }, (_, n) => (n % 4 === 1 ? 0 : 1 + (n % 3)));
      const targets = tf.tensor1d(targetIds, 'int32');
      const weights = tf.tensor1d(rowWeights);
      // 16 rows a chunk: 16 + 16 + 5, so a partial chunk (and a partial tile of the wasm kernel) is covered
      const lossOf = (hh: tf.Tensor, ww: tf.Tensor, bb: tf.Tensor): tf.Scalar =>
        affineCrossEntropySum(hh as tf.Tensor2D, ww as tf.Tensor2D, bb as tf.Tensor1D, targets, weights, 16);
      const logits = tf.tidy(() => tf.add<tf.Tensor2D>(tf.matMul(h, w), b).arraySync());
      const expected = logits.reduce((acc, row, n) => {
        const lse = Math.log(row.reduce((a, v) => a + Math.exp(v), 0));
        return acc + rowWeights[n]! * (lse - row[targetIds[n]!]!);
      }, 0);
      expectClose(tf.tidy(() => lossOf(h, w, b).dataSync()), [expected], { rtol: 1e-5 });
      expectClose(tf.tidy(() => affineCrossEntropySum(h, w, b, targets, weights).dataSync()), [expected], { rtol: 1e-5 });
      expectClose(tf.tidy(() => affineCrossEntropyValue(h, w, b, targets, weights).dataSync()), [expected], { rtol: 1e-5 });
      const [gh, gw, gb] = tf.grads(lossOf)([h, w, b]) as [tf.Tensor, tf.Tensor, tf.Tensor];
      expectClose(gh.dataSync(), finiteDifference((x) => lossOf(x, w, b), h), { rtol: 2e-2, atol: 2e-3 });
      expectClose(gw.dataSync(), finiteDifference((x) => lossOf(h, x, b), w), { rtol: 2e-2, atol: 2e-3 });
      expectClose(gb.dataSync(), finiteDifference((x) => lossOf(h, w, x), b), { rtol: 2e-2, atol: 2e-3 });
      tf.dispose([h, w, b, targets, weights, gh, gw, gb]);
    });

    // row counts not a multiple of the kernel's 16-row tiles; V = 9: a scalar tail after f32x4
    for (const [N, V] of [
      [70, 9],
      [33, 12],
    ] as const) {
      it(`softmaxCrossEntropy [${N}, ${V}]: the loss, coef·(softmax − onehot) and its transpose`, () => {
        const rng = new Rng(6);
        const softmax = tf.softmax(randn(rng, [N, V]) as tf.Tensor2D);
        const targetIds = Array.from({ length: N }, (_, n) => (n * 5) % V);
        const coefs = Array.from({ length: N }, (_, n) => (n % 4 === 2 ? 0 : 0.5 + (n % 3)));
        const { loss, g, gT } = softmaxCrossEntropy(softmax, tf.tensor1d(targetIds, 'int32'), tf.tensor1d(coefs));
        const s = softmax.arraySync();
        const want = s.map((row, n) => row.map((p, v) => coefs[n]! * (p - (v === targetIds[n] ? 1 : 0))));
        expectClose(loss.dataSync(), [s.reduce((sum, row, n) => sum - coefs[n]! * Math.log(row[targetIds[n]!]!), 0)], { rtol: 1e-5 });
        expectClose(g.dataSync(), want.flat(), { rtol: 1e-6, atol: 1e-7 });
        expect(gT.shape).toEqual([V, N]);
        expectClose(gT.dataSync(), Array.from({ length: V * N }, (_, i) => want[i % N]![Math.floor(i / N)]!), { rtol: 1e-6, atol: 1e-7 });
        tf.dispose([softmax, loss, g, gT]);
      });
    }

    if (backend === 'wasm') {
      it('softmaxCrossEntropy names a target outside the vocabulary', () => {
        const softmax = tf.softmax<tf.Tensor2D>(tf.zeros([2, 3]));
        expect(() => softmaxCrossEntropy(softmax, tf.tensor1d([0, 3], 'int32'), tf.ones<tf.Rank.R1>([2]))).toThrow(/target 3 of row 1 is not in \[0, 2\]/);
      });
    }

    it('maskedLinear: input and every slab, and masked entries get zero gradient', () => {
      const rng = new Rng(3);
      const T = 5;
      const d = 2;
      const B = 2;
      const bounds = blockBounds(T, 2);
      const blocks: MaskedBlock[] = bounds.map(([s, e]) => ({ inWidth: e * d, outWidth: (e - s) * d, dim: d }));
      const slabs = bounds.map(([s, e]) => tf.mul<tf.Tensor2D>(randn(rng, [e * d, (e - s) * d]), tf.tensor2d(slabMask(s, e, d), [e * d, (e - s) * d])));
      const x = randn(rng, [B, T * d]) as tf.Tensor2D;
      const r = randn(rng, [B, T * d]);
      const loss = (xx: tf.Tensor, ws: tf.Tensor[]): tf.Scalar => tf.sum(tf.mul(tf.tanh(maskedLinear(xx as tf.Tensor2D, ws as tf.Tensor2D[], blocks)), r));
      const grads = tf.grads((xx: tf.Tensor, w0: tf.Tensor, w1: tf.Tensor) => loss(xx, [w0, w1]))([x, slabs[0]!, slabs[1]!]);
      expectClose(grads[0]!.dataSync(), finiteDifference((xx) => loss(xx, slabs), x), { rtol: 2e-2, atol: 2e-3 });
      for (const k of [0, 1]) {
        const fd = finiteDifference((w) => loss(x, k === 0 ? [w, slabs[1]!] : [slabs[0]!, w]), slabs[k]!);
        const [s, e] = bounds[k]!;
        const mask = slabMask(s, e, d);
        // the map multiplies masked weights too (they are zero); their gradient is masked so they stay zero
        expectClose(grads[k + 1]!.dataSync(), fd.map((v, i) => v * mask[i]!), { rtol: 2e-2, atol: 2e-3 });
      }
      // the forward equals a dense masked product
      const dense = tf.tidy(() => {
        const W = tf.buffer([T * d, T * d]);
        for (const [k, [s, e]] of bounds.entries()) {
          const slab = slabs[k]!.arraySync();
          for (let rr = 0; rr < e * d; rr++) for (let c = 0; c < (e - s) * d; c++) W.set(slab[rr]![c]!, rr, s * d + c);
        }
        return tf.matMul(x, W.toTensor()).dataSync();
      });
      expectClose(tf.tidy(() => maskedLinear(x, slabs, blocks).dataSync()), dense, { rtol: 1e-5, atol: 1e-6 });
      tf.dispose([...slabs, x, r, ...grads]);
    });

    it('maskedLinear: blocks wider than a forward panel (128 columns) give each block’s product, and leave no tensors behind', () => {
      const rng = new Rng(4);
      const T = 6;
      const d = 48; // two blocks of 3 positions: slabs [144, 144] and [288, 144], cut into panels on wasm
      const bounds = blockBounds(T, 2);
      const blocks: MaskedBlock[] = bounds.map(([s, e]) => ({ inWidth: e * d, outWidth: (e - s) * d, dim: d }));
      const slabs = bounds.map(([s, e]) => randn(rng, [e * d, (e - s) * d]) as tf.Tensor2D);
      const x = randn(rng, [3, T * d]) as tf.Tensor2D;
      const expected = tf.tidy(() => tf.concat(blocks.map((blk, i) => tf.matMul(tf.slice(x, [0, 0], [3, blk.inWidth]), slabs[i]!)), 1).dataSync());
      const before = tf.memory().numTensors;
      const got = tf.tidy(() => maskedLinear(x, slabs, blocks).dataSync());
      expect(tf.memory().numTensors).toBe(before);
      expectClose(got, expected, { rtol: 1e-6, atol: 1e-6 });
      tf.dispose([...slabs, x]);
    });
  });
}
