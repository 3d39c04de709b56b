// Kernels of the WebAssembly backend that only move data, replaced by bulk memory copies in the
// heap (`copy_rows`, `gather_rows` in simd/kernels.wat) for 4-byte elements. The originals copy
// with TypedArray.set between two views of the heap, which V8 runs through a temporary copy, or
// walk strides one element at a time.
import { tf } from './tf.js';
import type { Kernels } from './simd/kernels.js';
import { heapKernels, heapOffset, type WasmBackendLike } from './wasm-heap.js';

/** Bytes per element of the dtypes the copies below handle (the heap's 4-byte types). */
const FOUR_BYTE_TYPES = new Set<tf.DataType>(['float32', 'int32']);

type KernelArgs = Parameters<tf.KernelFunc>[0];

/**
 * Re-registers a kernel of the WebAssembly backend: `fast` takes the cases it can (with this
 * package's kernels on the heap) and returns undefined for the rest, which go to the original.
 */
function overrideOnWasm(kernelName: string, fast: (args: KernelArgs, backend: WasmBackendLike, kernels: Kernels) => tf.TensorInfo | undefined): void {
  const original = tf.getKernel(kernelName, 'wasm');
  if (original === undefined) return;
  tf.unregisterKernel(kernelName, 'wasm');
  tf.registerKernel({
    ...original,
    kernelFunc: (args) => {
      const backend = args.backend as unknown as WasmBackendLike;
      const kernels = heapKernels(backend);
      return (kernels === undefined ? undefined : fast(args, backend, kernels)) ?? original.kernelFunc(args);
    },
  });
}

/**
 * Replaces the WebAssembly backend's `GatherV2` for the embedding case (axis 0, no batch
 * dimensions, 4-byte elements) with whole-row copies in the heap (`gather_rows`): the C++ kernel
 * walks strides one element at a time, ≈ 7× slower for a [512, 32] table and 8,192 ids.
 */
export function fastGatherOnWasm(): void {
  overrideOnWasm('GatherV2', ({ inputs, attrs }, backend, kernels) => {
    const x = inputs['x']!;
    const indices = inputs['indices']!;
    const axis = Number(attrs?.['axis'] ?? 0);
    const batchDims = Number(attrs?.['batchDims'] ?? 0);
    if (axis !== 0 || batchDims !== 0 || x.shape.length < 1 || !FOUR_BYTE_TYPES.has(x.dtype) || indices.dtype !== 'int32') return undefined;
    const rows = x.shape[0]!;
    const rowSize = x.shape.slice(1).reduce((a, b) => a * b, 1);
    const ids = backend.typedArrayFromHeap(indices);
    for (const [i, id] of ids.entries()) {
      if (!(id >= 0 && id < rows)) throw new Error(`GatherV2: the index value ${id} at position ${i} is not in [0, ${rows - 1}]`);
    }
    const out = backend.makeOutput([...indices.shape, ...x.shape.slice(1)], x.dtype);
    kernels.gather_rows(heapOffset(backend, out), heapOffset(backend, x), heapOffset(backend, indices), ids.length, rowSize * 4);
    return out;
  });
}

/**
 * Replaces the WebAssembly backend's `Slice` for 4-byte elements where the slice is contiguous
 * or a block of a matrix (`copy_rows`): its JavaScript kernel copies with TypedArray.set between
 * two views of the heap, which V8 runs through a temporary copy (≈ 0.8 ms for 128K floats).
 */
export function fastSliceOnWasm(): void {
  overrideOnWasm('Slice', ({ inputs, attrs }, backend, kernels) => {
    const x = inputs['x']!;
    const params = tf.slice_util.parseSliceParams(x, attrs?.['begin'] as number[], attrs?.['size'] as number[]);
    const begin = params[0]!;
    const size = params[1]!;
    const contiguous = tf.slice_util.isSliceContinous(x.shape, begin, size);
    if (!FOUR_BYTE_TYPES.has(x.dtype) || !(contiguous || x.shape.length === 2)) return undefined;
    const out = backend.makeOutput(size, x.dtype);
    if (size.reduce((a, b) => a * b, 1) === 0) return out;
    const src = heapOffset(backend, x);
    const dst = heapOffset(backend, out);
    if (contiguous) {
      const total = size.reduce((a, b) => a * b, 1);
      kernels.copy_rows(dst, src + tf.slice_util.computeFlatOffset(begin, tf.util.computeStrides(x.shape)) * 4, 1, total * 4, 0, 0);
    } else {
      const cols = x.shape[1]!;
      kernels.copy_rows(dst, src + (begin[0]! * cols + begin[1]!) * 4, size[0]!, size[1]! * 4, size[1]! * 4, cols * 4);
    }
    return out;
  });
}

/**
 * Replaces the WebAssembly backend's `Concat` for 4-byte elements with one strided copy per input
 * (`copy_rows`): its JavaScript kernel copies each input's rows with TypedArray.set between views
 * of the heap.
 */
export function fastConcatOnWasm(): void {
  overrideOnWasm('Concat', ({ inputs: given, attrs }, backend, kernels) => {
    // tfjs passes the inputs as an array (an object with keys 0, 1, …); empty ones add nothing
    const inputs = Object.values(given).filter((t): t is tf.TensorInfo => t !== undefined && t.shape.reduce((a, b) => a * b, 1) > 0);
    const first = inputs[0];
    if (first === undefined || inputs.length < 2 || !inputs.every((t) => FOUR_BYTE_TYPES.has(t.dtype) && t.dtype === first.dtype)) return undefined;
    const axis = tf.util.parseAxisParam(attrs?.['axis'] as number, first.shape)[0]!;
    const out = backend.makeOutput(
      tf.backend_util.computeOutShape(
        inputs.map((t) => t.shape),
        axis,
      ),
      first.dtype,
    );
    // rows: everything before the axis; each input contributes a run of its inner size to each row
    const rows = first.shape.slice(0, axis).reduce((a, b) => a * b, 1);
    const inner = inputs.map((t) => t.shape.slice(axis).reduce((a, b) => a * b, 1));
    const rowFloats = inner.reduce((a, b) => a + b, 0);
    let column = 0;
    for (const [i, t] of inputs.entries()) {
      kernels.copy_rows(heapOffset(backend, out) + column * 4, heapOffset(backend, t), rows, inner[i]! * 4, rowFloats * 4, inner[i]! * 4);
      column += inner[i]!;
    }
    return out;
  });
}
