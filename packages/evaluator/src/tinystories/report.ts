import type { ModelConfig } from '@cotlab/models';
import type { TextStats } from '@cotlab/ngram';
import type { MachineInfo } from '../report.js';

export const TINYSTORIES_REPORT_SCHEMA = 'cotlab/tinystories-report@1';

export interface HeldOutScore {
  bitsPerByte: number;
  lossPerToken: number;
  perplexity: number;
  tokens: number;
  bytes: number;
}

export interface BaselineResult extends HeldOutScore {
  name: string;
  order: number;
  seconds: number;
}

export interface StorySample {
  prompt: string;
  text: string;
}

export interface ModelResult extends HeldOutScore {
  name: string;
  config: Required<ModelConfig>;
  parameters: number;
  steps: number;
  batchSize: number;
  trainTokens: number;
  trainSeconds: number;
  finalTrainLoss: number;
  /** Loss per step (sub-sampled to at most 500 points). */
  curve: { step: number; loss: number }[];
  stories: StorySample[];
  stats: TextStats;
}

export interface TinyStoriesReport {
  schema: typeof TINYSTORIES_REPORT_SCHEMA;
  preset: string;
  command: string;
  createdAt: string;
  seconds: number;
  machine: MachineInfo;
  data: { source: string; trainDocuments: number; trainTokens: number; validDocuments: number; validTokens: number; validBytes: number };
  tokenizer: { spec: string; size: number };
  baselines: BaselineResult[];
  models: ModelResult[];
  /** Models that could not be trained or scored, with the first line of the error. */
  failures: { name: string; kind: string; parameters: number; error: string }[];
  /** Statistics of held-out human-written stories, as a reference for the generated ones. */
  referenceStats: TextStats;
  /** The goal: does the linear model beat the best Kneser–Ney baseline in bits per byte? */
  goal: { bestBaseline: string; bestBaselineBitsPerByte: number; linearBitsPerByte: number | null; linearBeatsBestBaseline: boolean | null };
}
