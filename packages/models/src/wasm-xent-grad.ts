import { tf } from './tf.js';
import { heapKernels, heapOffset, type WasmBackendLike } from './wasm-heap.js';

/** The custom kernel's name (not a TensorFlow.js op; registered for WebAssembly only). */
const KERNEL = 'CotlabSoftmaxCrossEntropy';

/** Probabilities are floored here before the log, so a confidently wrong row costs ≈ 69 nats, not ∞. */
export const MIN_PROBABILITY = 1e-30;

/** Rows per tile of the transposed write (JavaScript fallback): TILE rows × V columns stay in cache. */
const TILE = 32;

/**
 * Registers the WebAssembly kernel behind {@link softmaxCrossEntropy}: one pass over the heap in
 * WebAssembly SIMD (`xent_grad` in simd/kernels.wat, on TensorFlow.js' own memory) writes the
 * gradient in both layouts, and the loss is summed from the N target probabilities. As tensor ops
 * the gradient took four full [N, V] passes (product, zeros, scatter, difference) and a transpose
 * that alone took longer than this whole kernel, and the loss ten more ops.
 */
export function registerSoftmaxCrossEntropyOnWasm(): void {
  if (tf.getKernel(KERNEL, 'wasm') !== undefined) return;
  tf.registerKernel({
    kernelName: KERNEL,
    backendName: 'wasm',
    kernelFunc: ({ inputs, backend }) => {
      const b = backend as unknown as WasmBackendLike;
      const softmax = inputs['softmax']!;
      const targets = inputs['targets']!;
      const coef = inputs['coef']!;
      const [N, V] = softmax.shape as [number, number];
      checkTargets(b.typedArrayFromHeap(targets) as Int32Array, V);
      const g = b.makeOutput([N, V], 'float32');
      const gT = b.makeOutput([V, N], 'float32');
      const loss = b.makeOutput([], 'float32');
      const kernels = heapKernels(b);
      const at = (info: tf.TensorInfo): number => heapOffset(b, info);
      if (kernels !== undefined) kernels.xent_grad(at(softmax), at(targets), at(coef), at(g), at(gT), N, V);
      // views taken after makeOutput and the kernel: allocating may grow the heap and detach older views
      const s = b.typedArrayFromHeap(softmax) as Float32Array;
      const c = b.typedArrayFromHeap(coef) as Float32Array;
      const tt = b.typedArrayFromHeap(targets) as Int32Array;
      if (kernels === undefined) writeGradient(s, tt, c, b.typedArrayFromHeap(g) as Float32Array, b.typedArrayFromHeap(gT) as Float32Array, N, V);
      let sum = 0;
      for (let n = 0; n < N; n++) if (c[n] !== 0) sum -= c[n]! * Math.log(Math.max(s[n * V + tt[n]!]!, MIN_PROBABILITY));
      (b.typedArrayFromHeap(loss) as Float32Array)[0] = sum;
      return [g, gT, loss];
    },
  });
}

/** Throws a RangeError naming the first target outside [0, V): the kernels index rows by them. */
export function checkTargets(targets: Int32Array, V: number): void {
  for (const [n, t] of targets.entries()) {
    if (!(t >= 0 && t < V)) throw new RangeError(`models: cross-entropy: target ${t} of row ${n} is not in [0, ${V - 1}]`);
  }
}

/**
 * g = coef·(s − onehot(t)) row by row, and gᵀ, tile by tile so the transposed writes hit cache:
 * the kernel's JavaScript path, where WebAssembly SIMD is missing.
 */
export function writeGradient(s: Float32Array, t: Int32Array, coef: Float32Array, g: Float32Array, gT: Float32Array, N: number, V: number): void {
  for (let n0 = 0; n0 < N; n0 += TILE) {
    const n1 = Math.min(N, n0 + TILE);
    for (let n = n0; n < n1; n++) {
      const c = coef[n]!;
      const row = n * V;
      for (let v = 0; v < V; v++) g[row + v] = s[row + v]! * c;
      g[row + t[n]!] = g[row + t[n]!]! - c;
    }
    for (let v = 0; v < V; v++) {
      const out = v * N;
      for (let n = n0, at = n0 * V + v; n < n1; n++, at += V) gT[out + n] = g[at]!;
    }
  }
}

/**
 * Σₙ coefₙ·(−log max(probabilitiesₙ[targetₙ], MIN_PROBABILITY)) as tensor ops (a scalar).
 *
 * @example const loss = weightedTargetLoss(tf.softmax(logits), targets, weights);
 */
export function weightedTargetLoss(probabilities: tf.Tensor2D, targets: tf.Tensor1D, coef: tf.Tensor1D): tf.Scalar {
  return tf.tidy(() => {
    const [N, V] = probabilities.shape;
    const flatIndex = tf.add(tf.range(0, N * V, V, 'int32'), targets);
    const picked = tf.maximum(tf.gather(tf.reshape(probabilities, [N * V]), flatIndex), MIN_PROBABILITY);
    return tf.neg(tf.sum<tf.Scalar>(tf.mul(tf.log(picked), coef)));
  });
}

/**
 * Σₙ coefₙ·(−log softmaxₙ[targetₙ]) (a scalar) and its gradient with respect to the logits,
 * from the softmax: g = coef·(softmax − onehot(targets)) [N, V] and its transpose [V, N] (the
 * output layer's weight gradient needs g as the left operand of a product over N). On
 * WebAssembly one kernel; elsewhere tensor ops.
 *
 * @example const { loss, g, gT } = softmaxCrossEntropy(softmax, targets, weights);
 */
export function softmaxCrossEntropy(softmax: tf.Tensor2D, targets: tf.Tensor1D, coef: tf.Tensor1D): { loss: tf.Scalar; g: tf.Tensor2D; gT: tf.Tensor2D } {
  if (tf.getBackend() === 'wasm' && tf.getKernel(KERNEL, 'wasm') !== undefined) {
    const [g, gT, loss] = tf.engine().runKernel(KERNEL, { softmax, targets, coef }) as unknown as [tf.Tensor2D, tf.Tensor2D, tf.Scalar];
    return { loss, g, gT };
  }
  return tf.tidy(() => {
    const [N, V] = softmax.shape;
    const loss = weightedTargetLoss(softmax, targets, coef);
    const flatIndex = tf.add(tf.range(0, N * V, V, 'int32'), targets);
    const atTargets = tf.reshape(tf.scatterND(tf.expandDims(flatIndex, 1), coef, [N * V]), [N, V]);
    const g = tf.sub<tf.Tensor2D>(tf.mul(softmax, tf.reshape(coef, [N, 1])), atTargets);
    return { loss, g, gT: tf.transpose(g) };
  });
}
