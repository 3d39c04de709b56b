import type { AdamWCoefficients } from '../adamw.js';
import type { ModelConfig } from '../config.js';

/** Where one variable lives in the shared buffers (all variables concatenated, same layout everywhere). */
export interface Slot {
  name: string;
  offset: number;
  size: number;
  shape: number[];
  /** Whether AdamW's weight decay applies to it. */
  decays: boolean;
}

/** What a training worker thread starts with. */
export interface WorkerInit {
  config: Required<ModelConfig>;
  backend: string;
  slots: Slot[];
  /** All variables; read by every worker before each step, updated in shares by `update`. */
  paramsBuffer: SharedArrayBuffer;
  /** One gradient buffer per worker; worker k writes `gradBuffers[k]`, `reduce` sums them into the first. */
  gradBuffers: SharedArrayBuffer[];
  index: number;
  /** AdamW's moments, same layout as the parameters. */
  mBuffer: SharedArrayBuffer;
  vBuffer: SharedArrayBuffer;
}

export type StepRequest =
  /** Gradients of these sequences into this worker's buffer (`add`: added to what it holds). */
  | { type: 'step'; sequences: { ids: Int32Array; lossMask?: Uint8Array }[]; add: boolean }
  /** Sum every worker's gradients over [from, to) into the first buffer; reply with Σ g². */
  | { type: 'reduce'; from: number; to: number }
  /** AdamW on [from, to) of the parameters from the summed gradients. */
  | { type: 'update'; from: number; to: number; coefficients: AdamWCoefficients; decayFactor: number };

export type StepReply =
  | { type: 'ready' }
  | { type: 'done'; loss: number }
  | { type: 'reduced'; sumOfSquares: number }
  | { type: 'updated' }
  | { type: 'error'; message: string };
