// The output layer, its softmax cross-entropy and all three gradients as one WebAssembly SIMD
// pass (`head_grad` in simd/head.wat) on TensorFlow.js' heap. As separate ops the step wrote
// and re-read [N, V] floats five times (logits, softmax, the gradient in two layouts, the
// products' packing); the fused pass keeps 16 rows of them in cache at a time.
import { tf } from './tf.js';
import { heapKernels, heapOffset, type WasmBackendLike } from './wasm-heap.js';
import { checkTargets, MIN_PROBABILITY } from './wasm-xent-grad.js';

const KERNEL = 'CotlabAffineCrossEntropy';

/** Rows, weight-matrix columns and vocabulary entries the SIMD kernel takes at a time. */
const ROWS = 16;
const DIM_MULTIPLE = 8;
const VOCAB_MULTIPLE = 8;

/**
 * Largest padded V·k for the fused pass: every 16 rows add into all of dwᵀ [V, k], which must
 * stay in a core's second-level cache (here 256 KiB of it); larger output layers take the tensor-op path.
 */
const MAX_WEIGHTS = 1 << 16;

/** A row's loss is at most this, as in the tensor-op path's floored probabilities. */
const MAX_ROW_LOSS = -Math.log(MIN_PROBABILITY);

/** Bias of the padding vocabulary entries: their probability is 0 to float precision. */
const PAD_BIAS = -1e30;

/** Registers the kernel (WebAssembly backend only; idempotent). */
export function registerAffineCrossEntropyOnWasm(): void {
  if (tf.getKernel(KERNEL, 'wasm') !== undefined) return;
  tf.registerKernel({
    kernelName: KERNEL,
    backendName: 'wasm',
    kernelFunc: ({ inputs, backend, attrs }) => {
      const b = backend as unknown as WasmBackendLike;
      const kernels = heapKernels(b);
      if (kernels === undefined) throw new Error('models: internal: the fused output layer needs WebAssembly SIMD');
      const { h, w, wT, bias, targets, coef } = inputs as Record<string, tf.TensorInfo>;
      const [N, k] = h!.shape as [number, number];
      const V = w!.shape[1]!;
      const vocabSize = (attrs as { vocabSize: number }).vocabSize;
      checkTargets(b.typedArrayFromHeap(targets!) as Int32Array, vocabSize);
      const dh = b.makeOutput([N, k], 'float32');
      const dwT = b.makeOutput([V, k], 'float32');
      const db = b.makeOutput([V], 'float32');
      const loss = b.makeOutput([], 'float32');
      // the kernel's working memory: its tile and packed copies of the operands (see head.wat)
      const scratch = [b.makeOutput([N], 'float32'), b.makeOutput([N], 'float32'), b.makeOutput([2 * ROWS * V + 2 * k * V + 2 * ROWS * k], 'float32')] as const;
      const [term, sums, work] = scratch;
      (b.typedArrayFromHeap(dwT) as Float32Array).fill(0);
      (b.typedArrayFromHeap(db) as Float32Array).fill(0);
      const at = (info: tf.TensorInfo): number => heapOffset(b, info);
      kernels.head_grad(at(h!), at(w!), at(wT!), at(bias!), at(targets!), at(coef!), at(dh), at(dwT), at(db), at(term), at(sums), at(work), N, k, V);
      // views taken after the kernel: allocating may grow the heap and detach older views
      const c = b.typedArrayFromHeap(coef!) as Float32Array;
      const termValues = b.typedArrayFromHeap(term) as Float32Array;
      const sumValues = b.typedArrayFromHeap(sums) as Float32Array;
      let total = 0;
      for (let n = 0; n < N; n++) if (c[n] !== 0) total += c[n]! * Math.min(Math.log(sumValues[n]!) + termValues[n]!, MAX_ROW_LOSS);
      (b.typedArrayFromHeap(loss) as Float32Array)[0] = total;
      for (const s of scratch) b.disposeData(s.dataId);
      return [dh, dwT, db, loss];
    },
  });
}

/** Whether {@link fusedAffineCrossEntropy} runs for an output layer of k → V here. */
export function fusedHeadApplies(k: number, V: number): boolean {
  return (
    tf.getBackend() === 'wasm' &&
    tf.getKernel(KERNEL, 'wasm') !== undefined &&
    heapKernels(tf.backend() as unknown as WasmBackendLike) !== undefined &&
    k % DIM_MULTIPLE === 0 &&
    roundUp(V, VOCAB_MULTIPLE) * k <= MAX_WEIGHTS
  );
}

function roundUp(n: number, multiple: number): number {
  return Math.ceil(n / multiple) * multiple;
}

/**
 * Σₙ coefₙ·(−log softmax(h·w + b)ₙ[targetₙ]) and its gradients with respect to h, w and b, in
 * one pass (see {@link fusedHeadApplies} for when). Rows are padded to a multiple of 16 (with
 * weight 0) and the vocabulary to a multiple of 8 (with zero weights and a bias of −10³⁰).
 *
 * @example const { loss, dh, dw, db } = fusedAffineCrossEntropy(h, w, b, targets, weights);
 */
export function fusedAffineCrossEntropy(
  h: tf.Tensor2D,
  w: tf.Tensor2D,
  b: tf.Tensor1D,
  targets: tf.Tensor1D,
  coef: tf.Tensor1D,
): { loss: tf.Scalar; dh: tf.Tensor2D; dw: tf.Tensor2D; db: tf.Tensor1D } {
  return tf.tidy(() => {
    const [N, k] = h.shape;
    const V = w.shape[1];
    const padRows = roundUp(N, ROWS) - N;
    const padVocab = roundUp(V, VOCAB_MULTIPLE) - V;
    const hp = padRows === 0 ? h : tf.pad(h, [[0, padRows], [0, 0]]);
    const tp = padRows === 0 ? targets : tf.concat([targets, tf.zeros([padRows], 'int32')]);
    const cp = padRows === 0 ? coef : tf.concat([coef, tf.zeros([padRows])]);
    const wp = padVocab === 0 ? w : tf.pad(w, [[0, 0], [0, padVocab]]);
    const bp = padVocab === 0 ? b : tf.concat([b, tf.fill([padVocab], PAD_BIAS)]);
    const inputs = { h: hp, w: wp, wT: tf.transpose(wp), bias: bp, targets: tp, coef: cp };
    const [dh, dwT, db, loss] = tf.engine().runKernel(KERNEL, inputs, { vocabSize: V }) as unknown as [tf.Tensor2D, tf.Tensor2D, tf.Tensor1D, tf.Scalar];
    return {
      loss,
      dh: padRows === 0 ? dh : tf.slice(dh, [0, 0], [N, k]),
      dw: tf.transpose(padVocab === 0 ? dwT : tf.slice(dwT, [0, 0], [V, k])),
      db: padVocab === 0 ? db : tf.slice(db, [0], [V]),
    };
  });
}
