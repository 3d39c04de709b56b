import type { ModelConfig } from '@cotlab/models';

export const TINYSTORIES_PRESETS = ['quick', 'cpu', 'paper'] as const;
export type TinyStoriesPresetName = (typeof TINYSTORIES_PRESETS)[number];

/** The paper's TinyStories model (Malach 2023, §5.1): linear, context 64, embedding 256, GPT-2 tokenizer. */
export const PAPER_TINYSTORIES = { contextLength: 64, dim: 256, tokenizer: 'gpt2' } as const;

/** Fixed prompts for the generated stories in every report (the paper's samples start this way). */
export const STORY_PROMPTS = [
  'Once upon a time',
  'One day, a little girl named Lily',
  'Tom and his dog',
  'There was a big red ball',
  'The sun was shining and',
  'A little bird wanted to',
  'Mom said, "',
  'Once upon a time, there was a boy who loved',
  'In the park, the kids',
  'Sara found a box',
] as const;

export interface TinyStoriesPreset {
  name: TinyStoriesPresetName;
  /** `tok512` (llama2.c's TinyStories vocabulary), `gpt2` (the paper's) or `bpe-N` (trained on the training text). */
  tokenizer: string;
  contextLength: number;
  /** The model classes compared, at (about) equal parameter counts. */
  models: ModelConfig[];
  /** Wall-clock training budget of each model, in seconds; steps are sized from a short calibration. */
  budgetSecondsPerModel: number;
  /** When set, train this many passes over the training windows instead of a time budget (the paper: 1). */
  epochs?: number;
  batchSize: number;
  lr: number;
  /** Kneser–Ney orders of the n-gram baselines (1 = unigram, 2 = bigram). */
  baselineOrders: number[];
  /** Held-out tokens scored per model (the whole sample when larger). */
  evalTokens: number;
  /** Stories generated from {@link STORY_PROMPTS} (the first N). */
  stories: number;
  temperature: number;
  maxStoryTokens: number;
}

const V512 = 512;

/**
 * quick: the linear model only, 2 minutes, ≈ 4 minutes in all. cpu: the three model classes at
 * ≈ 8.6 M parameters each, 14 minutes each (≈ 50 minutes with baselines, evaluation and stories).
 * paper: the paper's exact model, for native or GPU backends.
 */
export const TINYSTORIES_PRESET_CONFIGS: Record<TinyStoriesPresetName, TinyStoriesPreset> = {
  quick: {
    name: 'quick',
    tokenizer: 'tok512',
    contextLength: 64,
    models: [{ kind: 'linear', vocabSize: V512, contextLength: 64, dim: 32 }],
    budgetSecondsPerModel: 120,
    batchSize: 32,
    lr: 3e-3,
    baselineOrders: [1, 2, 3],
    evalTokens: 40_000,
    stories: 3,
    temperature: 0.5,
    maxStoryTokens: 120,
  },
  cpu: {
    name: 'cpu',
    tokenizer: 'tok512',
    contextLength: 64,
    models: [
      { kind: 'linear', vocabSize: V512, contextLength: 64, dim: 64 },
      { kind: 'mlp', vocabSize: V512, contextLength: 64, dim: 64 },
      // ≈ 8.6 M parameters like the two above: 12·L·D² + 2·V·D + T·D with L = 5, D = 384 ≈ 9.2 M.
      { kind: 'transformer', vocabSize: V512, contextLength: 64, dim: 384, layers: 5, heads: 6 },
    ],
    budgetSecondsPerModel: 14 * 60,
    batchSize: 64,
    lr: 2e-3,
    baselineOrders: [1, 2, 3, 4, 5],
    // 100k held-out tokens (of the sample's 0.38M): the transformer scores ≈ 200k token positions in minutes, not most of an hour
    evalTokens: 100_000,
    stories: 10,
    temperature: 0.5,
    maxStoryTokens: 200,
  },
  paper: {
    name: 'paper',
    tokenizer: 'gpt2',
    contextLength: PAPER_TINYSTORIES.contextLength,
    // V = 50,257 GPT-2 tokens + 1 padding id, as the paper's model counts it.
    models: [{ kind: 'linear', vocabSize: 50_258, contextLength: 64, dim: 256 }],
    budgetSecondsPerModel: 5.5 * 3600,
    epochs: 1,
    batchSize: 64,
    lr: 1e-3,
    baselineOrders: [1, 2, 3, 4, 5],
    evalTokens: 1_000_000,
    stories: 10,
    temperature: 0.5,
    maxStoryTokens: 200,
  },
};
