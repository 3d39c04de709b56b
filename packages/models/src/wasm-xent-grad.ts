import { tf } from './tf.js';

/** The custom kernel's name (not a TensorFlow.js op; registered for WebAssembly only). */
const KERNEL = 'CotlabSoftmaxCrossEntropyGrad';

/** Rows per tile of the transposed write: TILE rows × V columns of the softmax stay in cache. */
const TILE = 32;

/** The parts of tfjs-backend-wasm's backend a JavaScript kernel needs (all public in 4.x). */
interface WasmBackendLike {
  makeOutput(shape: number[], dtype: tf.DataType): tf.TensorInfo;
  typedArrayFromHeap(info: tf.TensorInfo): Float32Array | Int32Array | Uint8Array;
}

/**
 * Registers the WebAssembly kernel behind {@link softmaxCrossEntropyGrad}: one JavaScript pass
 * over the heap writes the gradient in both layouts. Its tensor-op form costs four full
 * [N, V] passes (product, zeros, scatter, difference) and a transpose that alone takes longer
 * than this whole kernel on wasm.
 */
export function registerSoftmaxCrossEntropyGradOnWasm(): void {
  if (tf.getKernel(KERNEL, 'wasm') !== undefined) return;
  tf.registerKernel({
    kernelName: KERNEL,
    backendName: 'wasm',
    kernelFunc: ({ inputs, backend }) => {
      const wasm = backend as unknown as WasmBackendLike;
      const softmax = inputs['softmax']!;
      const [N, V] = softmax.shape as [number, number];
      const g = wasm.makeOutput([N, V], 'float32');
      const gT = wasm.makeOutput([V, N], 'float32');
      // views taken after makeOutput: allocating may grow the heap and detach older views
      writeGradient(
        wasm.typedArrayFromHeap(softmax) as Float32Array,
        wasm.typedArrayFromHeap(inputs['targets']!) as Int32Array,
        wasm.typedArrayFromHeap(inputs['coef']!) as Float32Array,
        wasm.typedArrayFromHeap(g) as Float32Array,
        wasm.typedArrayFromHeap(gT) as Float32Array,
        N,
        V,
      );
      return [g, gT];
    },
  });
}

/** g = coef·(s − onehot(t)) row by row, and gᵀ, tile by tile so the transposed writes hit cache. */
function writeGradient(s: Float32Array, t: Int32Array, coef: Float32Array, g: Float32Array, gT: Float32Array, N: number, V: number): void {
  for (let n0 = 0; n0 < N; n0 += TILE) {
    const n1 = Math.min(N, n0 + TILE);
    for (let n = n0; n < n1; n++) {
      const c = coef[n]!;
      const target = t[n]!;
      if (!(target >= 0 && target < V)) throw new RangeError(`models: cross-entropy: target ${target} of row ${n} is not in [0, ${V - 1}]`);
      const row = n * V;
      for (let v = 0; v < V; v++) g[row + v] = s[row + v]! * c;
      g[row + target] = g[row + target]! - c;
    }
    for (let v = 0; v < V; v++) {
      const out = v * N;
      for (let n = n0, at = n0 * V + v; n < n1; n++, at += V) gT[out + n] = g[at]!;
    }
  }
}

/**
 * The gradient of Σₙ coefₙ·(−log softmaxₙ[targetₙ]) with respect to the logits, from the softmax:
 * g = coef·(softmax − onehot(targets)) [N, V], and its transpose [V, N] (the output layer's weight
 * gradient needs g as the left operand of a product over N). On WebAssembly one JavaScript pass;
 * elsewhere tensor ops.
 *
 * @example const [g, gT] = softmaxCrossEntropyGrad(softmax, targets, coef);
 */
export function softmaxCrossEntropyGrad(softmax: tf.Tensor2D, targets: tf.Tensor1D, coef: tf.Tensor1D): [tf.Tensor2D, tf.Tensor2D] {
  if (tf.getBackend() === 'wasm' && tf.getKernel(KERNEL, 'wasm') !== undefined) {
    return tf.engine().runKernel(KERNEL, { softmax, targets, coef }) as unknown as [tf.Tensor2D, tf.Tensor2D];
  }
  return tf.tidy(() => {
    const [N, V] = softmax.shape;
    const flatIndex = tf.expandDims(tf.add(tf.range(0, N * V, V, 'int32'), targets), 1);
    const atTargets = tf.reshape(tf.scatterND(flatIndex, coef, [N * V]), [N, V]);
    const g = tf.sub<tf.Tensor2D>(tf.mul(softmax, tf.reshape(coef, [N, 1])), atTargets);
    return [g, tf.transpose(g)];
  });
}
