// The optimizer's elementwise passes (AdamW, Σ g², gradient sums) in WebAssembly SIMD, on float32
// arrays carved out of one WebAssembly memory. V8 runs the JavaScript loops one float64 at a time
// (a square root and a division per weight); f32x4 does four at once.
import { KERNELS_SHARED_WASM, KERNELS_WASM } from './kernels-wasm.js';

/** What kernels.wat exports. Pointers are byte offsets into the memory, counts are elements. */
export interface Kernels {
  adamw(p: number, g: number, m: number, v: number, n: number, b1: number, b2: number, eps: number, gradScale: number, stepSize: number, invSqrtBc2: number, decay: number): void;
  sum_sq(x: number, n: number): number;
  add_into(dst: number, src: number, n: number): void;
  xent_grad(s: number, t: number, c: number, g: number, gT: number, N: number, V: number): void;
  copy_rows(dst: number, src: number, rows: number, bytes: number, dstStride: number, srcStride: number): void;
  gather_rows(dst: number, src: number, idx: number, n: number, bytes: number): void;
  head_grad(h: number, w: number, wT: number, b: number, t: number, c: number, dh: number, dwT: number, db: number, term: number, sums: number, scratch: number, N: number, k: number, V: number): void;
}

/** A WebAssembly.Memory, as far as this file uses one. */
export interface KernelMemory {
  readonly buffer: ArrayBuffer | SharedArrayBuffer;
}

/** The part of the WebAssembly JavaScript API used here (TypeScript's ES libraries leave it to lib.dom). */
interface WasmApi {
  validate(bytes: Uint8Array): boolean;
  Memory: new (descriptor: { initial: number; maximum?: number; shared?: boolean }) => KernelMemory;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: object };
}

const wasm = (globalThis as unknown as { WebAssembly?: WasmApi }).WebAssembly;

/** Kernels by the buffer their arrays are views of. */
const byBuffer = new WeakMap<ArrayBufferLike, Kernels>();

const PAGE = 65536;
/** Each array starts on a 16-byte boundary (one f32x4). */
const ALIGN_FLOATS = 4;

function decode(base64: string): Uint8Array {
  return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
}

let supported: boolean | undefined;

/** Whether this engine runs WebAssembly SIMD (Node ≥ 16, current browsers). */
export function simdSupported(): boolean {
  supported ??= wasm !== undefined && wasm.validate(decode(KERNELS_WASM));
  return supported;
}

/**
 * Float32 arrays of the given sizes in one WebAssembly memory with the kernels attached (plain
 * arrays where SIMD is missing). `shared`: the memory is shared, for worker threads, which
 * attach their own instance with {@link viewsOnMemory}.
 *
 * @example const [p, m, v] = kernelArrays([n, n, n]);
 */
export function kernelArrays(sizes: readonly number[], shared = false): { arrays: Float32Array[]; memory?: KernelMemory } {
  const offsets = layout(sizes);
  const floats = offsets[offsets.length - 1]!;
  if (wasm === undefined || (!simdSupported() && !shared)) return { arrays: sizes.map((n) => new Float32Array(shared ? new SharedArrayBuffer(n * 4) : new ArrayBuffer(n * 4))) };
  const pages = Math.max(1, Math.ceil((floats * 4) / PAGE));
  const memory = shared ? new wasm.Memory({ initial: pages, maximum: pages, shared: true }) : new wasm.Memory({ initial: pages });
  return { arrays: viewsOnMemory(memory, sizes), memory };
}

/**
 * Views of the arrays {@link kernelArrays} laid out on `memory` (same sizes, same order), with
 * this thread's instance of the kernels attached to them.
 */
export function viewsOnMemory(memory: KernelMemory, sizes: readonly number[]): Float32Array[] {
  const offsets = layout(sizes);
  // one buffer object for every view: the kernels are found by the views' buffer
  const buffer = memory.buffer;
  const kernels = kernelsOnMemory(memory);
  if (kernels !== undefined) byBuffer.set(buffer, kernels);
  return sizes.map((n, i) => new Float32Array(buffer, offsets[i]! * 4, n));
}

const byMemory = new WeakMap<KernelMemory, Kernels | undefined>();

/**
 * The kernels running on a memory (ours, or TensorFlow.js' WebAssembly heap: pointers are then
 * its tensors' offsets), or undefined without SIMD. One instance per memory and thread.
 */
export function kernelsOnMemory(memory: KernelMemory): Kernels | undefined {
  if (wasm === undefined || !simdSupported()) return undefined;
  if (!byMemory.has(memory)) {
    // shared: our memory for worker threads, or a multi-threaded TensorFlow.js build's heap
    const shared = typeof SharedArrayBuffer !== 'undefined' && memory.buffer instanceof SharedArrayBuffer;
    let kernels: Kernels | undefined;
    try {
      kernels = new wasm.Instance(new wasm.Module(decode(shared ? KERNELS_SHARED_WASM : KERNELS_WASM)), { env: { memory } }).exports as unknown as Kernels;
    } catch {
      kernels = undefined; // a memory this build cannot import: the caller's JavaScript path runs
    }
    byMemory.set(memory, kernels);
  }
  return byMemory.get(memory);
}

/** Start of each array in floats, and the total at the end. */
function layout(sizes: readonly number[]): number[] {
  const offsets = [0];
  for (const n of sizes) offsets.push(offsets[offsets.length - 1]! + Math.ceil(n / ALIGN_FLOATS) * ALIGN_FLOATS);
  return offsets;
}

/** The kernels that run on all of `arrays`, if they are views of one kernel memory. */
export function kernelsFor(...arrays: Float32Array[]): Kernels | undefined {
  const buffer = arrays[0]?.buffer;
  if (buffer === undefined) return undefined;
  const kernels = byBuffer.get(buffer);
  return kernels !== undefined && arrays.every((a) => a.buffer === buffer) ? kernels : undefined;
}

/** Σ x[i]² for i in [from, to), in float64. */
export function sumOfSquares(x: Float32Array, from = 0, to = x.length): number {
  const k = kernelsFor(x);
  if (k !== undefined) return k.sum_sq(x.byteOffset + from * 4, to - from);
  let a = 0;
  let b = 0;
  // two accumulators halve the chain of dependent additions
  let i = from;
  for (; i + 1 < to; i += 2) {
    a += x[i]! * x[i]!;
    b += x[i + 1]! * x[i + 1]!;
  }
  if (i < to) a += x[i]! * x[i]!;
  return a + b;
}

/** dst[i] += src[i] for i in [from, to). */
export function addInto(dst: Float32Array, src: Float32Array, from = 0, to = dst.length): void {
  const k = kernelsFor(dst, src);
  if (k !== undefined) {
    k.add_into(dst.byteOffset + from * 4, src.byteOffset + from * 4, to - from);
    return;
  }
  for (let i = from; i < to; i++) dst[i] = dst[i]! + src[i]!;
}
