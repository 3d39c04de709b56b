import { tf } from './tf.js';

/** The parts of tfjs-backend-wasm's backend a JavaScript kernel needs (all public in 4.x). */
interface WasmBackendLike {
  makeOutput(shape: number[], dtype: tf.DataType): tf.TensorInfo;
  typedArrayFromHeap(info: tf.TensorInfo): Float32Array | Int32Array | Uint8Array;
}

/**
 * Replaces the WebAssembly backend's `GatherV2` for the embedding case (axis 0, no batch
 * dimensions) with row copies into the heap: the C++ kernel walks strides one element at a
 * time, ≈ 7× slower for a [512, 32] table and 8,192 ids. Every other case goes to the original.
 */
export function fastGatherOnWasm(): void {
  const kernelName = 'GatherV2';
  const backendName = 'wasm';
  const original = tf.getKernel(kernelName, backendName);
  if (original === undefined) return;
  tf.unregisterKernel(kernelName, backendName);
  tf.registerKernel({
    ...original,
    kernelFunc: (args) => {
      const { inputs, attrs } = args;
      const x = inputs['x']!;
      const indices = inputs['indices']!;
      const axis = Number(attrs?.['axis'] ?? 0);
      const batchDims = Number(attrs?.['batchDims'] ?? 0);
      if (axis !== 0 || batchDims !== 0 || x.shape.length < 1 || x.dtype === 'string') return original.kernelFunc(args);
      const backend = args.backend as unknown as WasmBackendLike;
      const rows = x.shape[0]!;
      const rowSize = x.shape.slice(1).reduce((a, b) => a * b, 1);
      const ids = backend.typedArrayFromHeap(indices).slice();
      for (const [i, id] of ids.entries()) {
        if (!(id >= 0 && id < rows)) throw new Error(`GatherV2: the index value ${id} at position ${i} is not in [0, ${rows - 1}]`);
      }
      const out = backend.makeOutput([...indices.shape, ...x.shape.slice(1)], x.dtype);
      // views taken after makeOutput: allocating may grow the heap and detach older views
      const src = backend.typedArrayFromHeap(x);
      const dst = backend.typedArrayFromHeap(out);
      for (let i = 0; i < ids.length; i++) {
        const from = ids[i]! * rowSize;
        dst.set(src.subarray(from, from + rowSize), i * rowSize);
      }
      return out;
    },
  });
}
