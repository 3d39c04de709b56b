// The output layer and the loss as one op: training never needs the logits themselves, and
// their gradient is by far the largest tensor of a step ([tokens, V]).
import { tf } from './tf.js';
import { fusedAffineCrossEntropy, fusedHeadApplies } from './wasm-head.js';
import { softmaxCrossEntropy, weightedTargetLoss } from './wasm-xent-grad.js';

type GradSave = (tensors: tf.Tensor[]) => void;
type CustomFn = Parameters<typeof tf.customGrad>[0];

/**
 * Logit floats per chunk of rows (16 MiB): bounds the memory of the [rows, V] temporaries. Smaller
 * chunks that fit a core's cache measured no faster here (more kernel calls, same memory passes).
 */
const CHUNK_FLOATS = 1 << 22;

/** Rows per chunk for a vocabulary of V. */
export function headChunkRows(V: number): number {
  return Math.max(1, Math.floor(CHUNK_FLOATS / V));
}

/** Probabilities of the output layer h·w + b, row by row (the bias added inside the product). */
function probabilities(h: tf.Tensor2D, w: tf.Tensor2D, b: tf.Tensor1D): tf.Tensor2D {
  return tf.softmax(tf.fused.matMul({ a: h, b: w, bias: b }) as tf.Tensor2D);
}

/** Rows [start, start + n) of a tensor along its first axis (a contiguous copy, unless all of it). */
function rows<T extends tf.Tensor>(t: T, start: number, n: number): T {
  return start === 0 && n === t.shape[0] ? t : tf.slice(t, start, n);
}

/**
 * Σₙ weightsₙ·(−log softmax(h·w + b)ₙ[targetsₙ]): the output layer (h [N, k], w [k, V], b [V])
 * and summed, per-row weighted cross-entropy (a scalar tensor), without the gradient.
 *
 * @example const loss = affineCrossEntropyValue(hidden, wOut, bOut, targets, weights);
 */
export function affineCrossEntropyValue(h: tf.Tensor2D, w: tf.Tensor2D, b: tf.Tensor1D, targets: tf.Tensor1D, weights: tf.Tensor1D): tf.Scalar {
  return tf.tidy(() => weightedTargetLoss(probabilities(h, w, b), targets, weights));
}

/**
 * {@link affineCrossEntropyValue} as a differentiable op (with respect to h, w and b) for
 * training. The loss is a scalar, so its gradient is known up to the factor dy during the
 * forward pass: rows are taken in chunks (≤ 16 MiB of logits), and for each chunk the logits,
 * softmax, gradient g = w·(softmax − onehot) (in both layouts) and its two products dh = g × wᵀ
 * and [dw; db]ᵀ = gᵀ × [h, 1] are computed at once; backward only scales them by dy. Nothing of
 * size [N, V] outlives its chunk (the saved softmax was the largest tensor of a step), and every
 * product has its large fresh operand on the left (XNNPACK repacks a right operand it has not seen, ≈ 10 ns a float on wasm; the
 * textbook [h, 1]ᵀ × g repacked all of g).
 *
 * On WebAssembly with SIMD, for output layers whose weight gradient fits a core's cache (k a
 * multiple of 8), all of this is one kernel instead ({@link fusedAffineCrossEntropy}): 16 rows at
 * a time, without the [N, V] temporaries.
 *
 * `chunkRows` (default {@link headChunkRows}) changes the order of the sums only.
 *
 * @example const loss = affineCrossEntropySum(hidden, wOut, bOut, targets, weights);
 */
export function affineCrossEntropySum(h: tf.Tensor2D, w: tf.Tensor2D, b: tf.Tensor1D, targets: tf.Tensor1D, weights: tf.Tensor1D, chunkRows = headChunkRows(w.shape[1])): tf.Scalar {
  if (fusedHeadApplies(h.shape[1], w.shape[1])) return fusedSum(h, w, b, targets, weights);
  return chunkedAffineCrossEntropySum(h, w, b, targets, weights, chunkRows);
}

/**
 * {@link affineCrossEntropySum} as tensor ops in row chunks, where the fused kernel does not
 * apply (exported for the benchmark that compares the two: `pnpm --filter @cotlab/models bench:head`).
 */
export function chunkedAffineCrossEntropySum(h: tf.Tensor2D, w: tf.Tensor2D, b: tf.Tensor1D, targets: tf.Tensor1D, weights: tf.Tensor1D, chunkRows = headChunkRows(w.shape[1])): tf.Scalar {
  const [N, k] = h.shape;
  const V = w.shape[1];
  const f = tf.customGrad(((hIn: tf.Tensor2D, wIn: tf.Tensor2D, bIn: tf.Tensor1D, save: GradSave) => {
    const step = chunkRows;
    const { value, dh, dwbT } = tf.tidy(() => {
      const wT = tf.transpose(wIn);
      const losses: tf.Scalar[] = [];
      const dhs: tf.Tensor2D[] = [];
      const dwbTs: tf.Tensor2D[] = [];
      for (let start = 0; start < N; start += step) {
        const n = Math.min(step, N - start);
        const hc = rows(hIn, start, n);
        const tc = rows(targets, start, n);
        const wc = rows(weights, start, n);
        const softmax = probabilities(hc, wIn, bIn);
        const { loss, g, gT } = softmaxCrossEntropy(softmax, tc, wc);
        losses.push(loss);
        dhs.push(tf.matMul(g, wT));
        dwbTs.push(tf.matMul(gT, tf.concat([hc, tf.ones([n, 1])], 1))); // [V, k + 1]
        tf.dispose([softmax, g, gT]);
      }
      return { value: tf.addN<tf.Scalar>(losses), dh: tf.concat<tf.Tensor2D>(dhs, 0), dwbT: tf.addN<tf.Tensor2D>(dwbTs) };
    });
    save([dh, dwbT]);
    return {
      value,
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
        const [sdh, sdwbT] = saved as [tf.Tensor2D, tf.Tensor2D];
        const dwb = tf.mul(tf.transpose(sdwbT), dy); // [k + 1, V]
        return [tf.mul(sdh, dy), tf.slice(dwb, [0, 0], [k, V]), tf.reshape(tf.slice(dwb, [k, 0], [1, V]), [V])];
      },
    };
  }) as unknown as CustomFn);
  return f(h, w, b) as tf.Scalar;
}

/** {@link affineCrossEntropySum} by the fused WebAssembly pass: the gradients come with the loss. */
function fusedSum(h: tf.Tensor2D, w: tf.Tensor2D, b: tf.Tensor1D, targets: tf.Tensor1D, weights: tf.Tensor1D): tf.Scalar {
  const f = tf.customGrad(((hIn: tf.Tensor2D, wIn: tf.Tensor2D, bIn: tf.Tensor1D, save: GradSave) => {
    const { loss, dh, dw, db } = fusedAffineCrossEntropy(hIn, wIn, bIn, targets, weights);
    save([dh, dw, db]);
    return {
      value: loss,
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => saved.map((g) => tf.mul(g, dy)),
    };
  }) as unknown as CustomFn);
  return f(h, w, b) as tf.Scalar;
}
