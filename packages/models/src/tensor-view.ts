import { addInto } from './simd/kernels.js';
import { tf } from './tf.js';
import { heapKernels, heapOffset, type WasmBackendLike } from './wasm-heap.js';

/**
 * A float32 tensor's values without a copy where the backend keeps them in JavaScript-visible
 * memory (the WebAssembly heap; the CPU backend's own array), else `dataSync()`'s copy. Read it
 * at once: the next tensor allocation may move the heap. Copying megabytes of gradients into a
 * fresh ArrayBuffer every step cost page faults and, with worker threads, slowed them all.
 */
export function valuesOf(t: tf.Tensor): Float32Array {
  const backend = tf.backend() as unknown as Partial<WasmBackendLike>;
  if (tf.getBackend() === 'wasm' && typeof backend.typedArrayFromHeap === 'function') {
    return backend.typedArrayFromHeap({ shape: t.shape, dtype: t.dtype, dataId: t.dataId }) as Float32Array;
  }
  return t.dataSync() as Float32Array;
}

/**
 * The first `part.size` floats of `sum` += part's, in place, on the WebAssembly heap (SIMD
 * `add_into`, or a loop without SIMD). Only for a `sum` no other code holds yet (a fresh result).
 */
export function addOnHeap(sum: tf.Tensor, part: tf.Tensor): void {
  if (part.size > sum.size) throw new Error(`models: internal: adding ${part.size} floats into ${sum.size}`);
  const backend = tf.backend() as unknown as WasmBackendLike;
  const kernels = heapKernels(backend);
  if (kernels !== undefined) {
    kernels.add_into(heapOffset(backend, sum), heapOffset(backend, part), part.size);
    return;
  }
  addInto(valuesOf(sum), valuesOf(part), 0, part.size);
}

/** target = values (add false) or target += values (add true). */
export function copyOrAdd(target: Float32Array, values: Float32Array, add: boolean): void {
  if (values.length !== target.length) throw new Error(`models: internal: ${values.length} values for ${target.length} slots`);
  if (!add) {
    target.set(values);
    return;
  }
  for (let i = 0; i < target.length; i++) target[i] = target[i]! + values[i]!;
}
