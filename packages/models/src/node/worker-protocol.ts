import type { ModelConfig } from '../config.js';

/** What a training worker thread starts with. */
export interface WorkerInit {
  config: Required<ModelConfig>;
  backend: string;
  slots: { name: string; offset: number; size: number; shape: number[] }[];
  /** All variables, concatenated; written by the main thread before each step. */
  paramsBuffer: SharedArrayBuffer;
  /** This worker's summed gradients, same layout; written by the worker. */
  gradBuffer: SharedArrayBuffer;
}

export interface StepRequest {
  type: 'step';
  sequences: { ids: Int32Array; lossMask?: Uint8Array }[];
}

export type StepReply = { type: 'ready' } | { type: 'done'; loss: number; empty?: boolean } | { type: 'error'; message: string };
