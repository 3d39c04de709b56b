import { kernelsOnMemory, type KernelMemory, type Kernels } from './simd/kernels.js';
import type { tf } from './tf.js';

/** The parts of tfjs-backend-wasm's backend the kernels of this package use (all public in 4.x). */
export interface WasmBackendLike {
  makeOutput(shape: number[], dtype: tf.DataType): tf.TensorInfo;
  typedArrayFromHeap(info: tf.TensorInfo): Float32Array | Int32Array | Uint8Array;
  dataIdMap: { get(dataId: object): { memoryOffset: number } | undefined };
  /** Frees a tensor's data (one made with makeOutput and not returned from the kernel). */
  disposeData(dataId: object): boolean;
  wasm: { asm: { memory: KernelMemory } };
}

/** Byte offset of a tensor's data in the WebAssembly heap. */
export function heapOffset(backend: WasmBackendLike, info: tf.TensorInfo): number {
  const data = backend.dataIdMap.get(info.dataId);
  if (data === undefined) throw new Error('models: internal: a tensor without data on the WebAssembly heap');
  return data.memoryOffset;
}

/** This package's SIMD kernels running on TensorFlow.js' heap, or undefined without SIMD. */
export function heapKernels(backend: WasmBackendLike): Kernels | undefined {
  return kernelsOnMemory(backend.wasm.asm.memory);
}
