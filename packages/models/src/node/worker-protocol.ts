import type { AdamWCoefficients } from '../adamw.js';
import type { ModelConfig } from '../config.js';
import type { KernelMemory } from '../simd/kernels.js';

/** Where one variable lives in the shared buffers (all variables concatenated, same layout everywhere). */
export interface Slot {
  name: string;
  offset: number;
  size: number;
  shape: number[];
  /** Whether AdamW's weight decay applies to it. */
  decays: boolean;
  /**
   * The workers whose share of the loss reads it, so whose gradient of it may be nonzero; the
   * first one's buffer holds their sum after `reduce`. With position blocks a slab has one writer
   * and needs no sum, nor zeros written by the others.
   */
  writers: number[];
}

/** What a training worker thread starts with. */
export interface WorkerInit {
  config: Required<ModelConfig>;
  backend: string;
  slots: Slot[];
  /**
   * A shared WebAssembly memory laid out by {@link sharedLayout}: all variables (read by every
   * worker before each step, updated in shares by `update`), AdamW's two moments (same layout),
   * and one gradient array per worker (worker k writes the k-th where it is among a slot's writers;
   * `reduce` sums a slot's writers into its first writer's).
   */
  memory: KernelMemory;
  /** Floats of all variables together. */
  total: number;
  workers: number;
  index: number;
  /**
   * The position blocks whose share of each batch's loss this worker computes, from every
   * sequence (see `positionShares`); absent: the worker takes its requests' sequences whole.
   */
  blocks?: number[];
}

/** The arrays of the shared memory, in order: weights, m, v, then one gradient array per worker. */
export function sharedLayout(total: number, workers: number): number[] {
  return [total, total, total, ...new Array<number>(workers).fill(total)];
}

export type StepRequest =
  /** Gradients of these sequences into this worker's buffer (`add`: added to what it holds). */
  | { type: 'step'; sequences: { ids: Int32Array; lossMask?: Uint8Array }[]; add: boolean }
  /** Sum the writers' gradients over [from, to) into each slot's first writer's buffer; reply with Σ g². */
  | { type: 'reduce'; from: number; to: number }
  /** AdamW on [from, to) of the parameters from the summed gradients. */
  | { type: 'update'; from: number; to: number; coefficients: AdamWCoefficients; decayFactor: number };

/** Replies; `ms` is the worker's own time on the request (`refreshMs` of it: uploading updated weights). */
export type StepReply =
  | { type: 'ready' }
  | { type: 'done'; loss: number; ms: number; refreshMs: number }
  | { type: 'reduced'; sumOfSquares: number; ms: number }
  | { type: 'updated'; ms: number }
  | { type: 'error'; message: string };
