import { checkInteger, checkNumber, EvaluatorError } from '../errors.js';

/** The presets of `cotlab reproduce multiplication`. */
export const PRESET_NAMES = ['quick', 'cpu', 'paper'] as const;
export type PresetName = (typeof PRESET_NAMES)[number];

/** Formats of the multiplication task a preset may use (`@cotlab/corpus` writes them). */
export const MULTIPLICATION_FORMAT_NAMES = ['malach', 'deng', 'stepwise', 'stepwise-linear', 'none'] as const;
export type MultiplicationFormat = (typeof MULTIPLICATION_FORMAT_NAMES)[number];

export const MODEL_KIND_NAMES = ['linear', 'mlp', 'transformer'] as const;
export type ModelKindName = (typeof MODEL_KIND_NAMES)[number];

/**
 * The paper's configuration (Malach 2023, §5, multiplication): an MLP ("linear" masked map + ReLU
 * layer) with d = 128 over T = 307 tokens, AdamW at lr 1e-3 with weight decay 0.1, batch 2048,
 * 100M training sequences (≈ 17 h on an A100), 775M parameters, 96.9% exact match.
 */
export const PAPER = {
  dim: 128,
  contextLength: 307,
  batchSize: 2048,
  lr: 1e-3,
  weightDecay: 0.1,
  sequences: 100_000_000,
  parameters: 775_000_000,
  exactMatch: 0.969,
} as const;

/** Everything a reproduction run needs, as plain validated values. */
export interface ReproducePreset {
  name: PresetName;
  /** One line for `--help` and the report. */
  description: string;
  /** Operand digits [n, m]. */
  digits: [number, number];
  format: MultiplicationFormat;
  model: { kind: ModelKindName; dim: number; layers?: number; heads?: number };
  train: {
    batchSize: number;
    lr: number;
    weightDecay: number;
    warmupSteps: number;
    /** Optimizer steps; with `budgetSeconds` too, the steps that fit the budget are run (at most this many). */
    steps: number;
    /** Wall-clock training budget; the run measures its own speed and plans its steps to fit. */
    budgetSeconds?: number;
    /** Data-parallel worker threads (models' `workers`). */
    workers: number;
    /** Train on every position (`all`, the paper) or only CoT and answer (`cot-answer`). */
    lossMask: 'all' | 'cot-answer';
  };
  eval: {
    /** Held-out examples rolled out (distinct test pairs). */
    n: number;
    batchSize: number;
  };
  seed: number;
}

/**
 * Quick preset: a fixed number of steps (so the same seed gives the same result on any machine),
 * sized so a 2-core machine (one core for this) finishes in ≤ 5 minutes. 2×2 digits, the
 * stepwise CoT (46 tokens) and a 282k-parameter MLP reach ≈ 99% exact match in 1000 steps.
 */
const QUICK: ReproducePreset = {
  name: 'quick',
  description: '2×2-digit multiplication, stepwise CoT, small MLP, 1000 steps: a few minutes on one CPU core',
  digits: [2, 2],
  format: 'stepwise',
  model: { kind: 'mlp', dim: 16 },
  train: { batchSize: 64, lr: 1e-2, weightDecay: 0.1, warmupSteps: 50, steps: 1000, workers: 1, lossMask: 'all' },
  eval: { n: 500, batchSize: 100 },
  seed: 1,
};

/**
 * CPU preset: the best 4×4 result in an hour on 2 cores. The stepwise CoT makes every token a
 * lookup of one to three earlier tokens at fixed places, which a position-wise MLP learns from few
 * examples: d = 16 (2.75M parameters, 280× fewer than the paper's) reached 60% exact match after
 * 53k sequences (15 minutes on a loaded machine); the hour buys ≈ 5–15× more.
 */
const CPU: ReproducePreset = {
  name: 'cpu',
  description: "4×4-digit multiplication on the paper's split, stepwise CoT, MLP d = 16: one hour on 2 CPU cores",
  digits: [4, 4],
  format: 'stepwise',
  model: { kind: 'mlp', dim: 16 },
  train: { batchSize: 64, lr: 1e-2, weightDecay: 0.1, warmupSteps: 100, steps: 1_000_000, budgetSeconds: 54 * 60, workers: 2, lossMask: 'all' },
  eval: { n: 1000, batchSize: 100 },
  seed: 1,
};

/** Paper preset: the paper's exact configuration; needs a native or GPU TensorFlow backend. */
const PAPER_PRESET: ReproducePreset = {
  name: 'paper',
  description: "the paper's exact run: malach CoT (T = 307), MLP d = 128 (775M parameters), batch 2048, 100M sequences",
  digits: [4, 4],
  format: 'malach',
  model: { kind: 'mlp', dim: PAPER.dim },
  train: {
    batchSize: PAPER.batchSize,
    lr: PAPER.lr,
    weightDecay: PAPER.weightDecay,
    warmupSteps: 0,
    steps: Math.ceil(PAPER.sequences / PAPER.batchSize),
    workers: 1,
    lossMask: 'all',
  },
  eval: { n: 1000, batchSize: 100 },
  seed: 1,
};

const PRESETS: Record<PresetName, ReproducePreset> = { quick: QUICK, cpu: CPU, paper: PAPER_PRESET };

/** Changes a caller may make to a preset (CLI flags); everything else stays the preset's. */
export interface PresetOverrides {
  format?: MultiplicationFormat;
  digits?: [number, number];
  model?: Partial<ReproducePreset['model']>;
  train?: Partial<ReproducePreset['train']>;
  eval?: Partial<ReproducePreset['eval']>;
  seed?: number;
}

/**
 * A preset by name with overrides applied, validated: every field is checked before any data or
 * model exists, and errors name the field (`preset.train.lr`).
 *
 * @example const preset = resolvePreset('quick', { train: { budgetSeconds: 60 } });
 */
export function resolvePreset(name: string, overrides: PresetOverrides = {}): ReproducePreset {
  if (!(PRESET_NAMES as readonly string[]).includes(name)) throw new EvaluatorError('preset', `one of ${PRESET_NAMES.join(', ')}`, name);
  const base = PRESETS[name as PresetName];
  const preset: ReproducePreset = {
    ...base,
    digits: overrides.digits ?? base.digits,
    format: overrides.format ?? base.format,
    model: { ...base.model, ...overrides.model },
    train: { ...base.train, ...overrides.train },
    eval: { ...base.eval, ...overrides.eval },
    seed: overrides.seed ?? base.seed,
  };
  return validatePreset(preset);
}

/** Checks every field of a preset; returns it unchanged. */
export function validatePreset(p: ReproducePreset): ReproducePreset {
  if (!(PRESET_NAMES as readonly string[]).includes(p.name)) throw new EvaluatorError('preset.name', `one of ${PRESET_NAMES.join(', ')}`, p.name);
  if (!Array.isArray(p.digits) || p.digits.length !== 2) throw new EvaluatorError('preset.digits', 'a pair [n, m]', p.digits);
  checkInteger('preset.digits[0]', p.digits[0], 1, 7);
  checkInteger('preset.digits[1]', p.digits[1], 1, 7);
  if (!(MULTIPLICATION_FORMAT_NAMES as readonly string[]).includes(p.format)) {
    throw new EvaluatorError('preset.format', `one of ${MULTIPLICATION_FORMAT_NAMES.join(', ')}`, p.format);
  }
  if (!(MODEL_KIND_NAMES as readonly string[]).includes(p.model.kind)) throw new EvaluatorError('preset.model.kind', `one of ${MODEL_KIND_NAMES.join(', ')}`, p.model.kind);
  checkInteger('preset.model.dim', p.model.dim, 1, 4096);
  if (p.model.layers !== undefined) checkInteger('preset.model.layers', p.model.layers, 1, 64);
  if (p.model.heads !== undefined) checkInteger('preset.model.heads', p.model.heads, 1, p.model.dim);
  const t = p.train;
  checkInteger('preset.train.batchSize', t.batchSize, 1, 1 << 16);
  checkNumber('preset.train.lr', t.lr, 0, 10);
  checkNumber('preset.train.weightDecay', t.weightDecay, 0, 10);
  checkInteger('preset.train.warmupSteps', t.warmupSteps, 0);
  checkInteger('preset.train.steps', t.steps, 1);
  if (t.budgetSeconds !== undefined) checkNumber('preset.train.budgetSeconds', t.budgetSeconds, 1, 7 * 24 * 3600);
  checkInteger('preset.train.workers', t.workers, 1, 256);
  if (t.lossMask !== 'all' && t.lossMask !== 'cot-answer') throw new EvaluatorError('preset.train.lossMask', "'all' or 'cot-answer'", t.lossMask);
  checkInteger('preset.eval.n', p.eval.n, 1, 1_000_000);
  checkInteger('preset.eval.batchSize', p.eval.batchSize, 1, 1 << 16);
  checkInteger('preset.seed', p.seed, 0);
  return p;
}
