import { initBackend, type BackendName } from '@cotlab/models';
import { loadCheckpoint } from '@cotlab/models/node';
import { EvaluatorError } from '../errors.js';
import { evaluate, type EvaluationProgress } from '../evaluate.js';
import { chanceBaseline } from '../metrics/baseline.js';
import { REPORT_SCHEMA, type RunReport } from '../report.js';
import { multiplicationData } from '../reproduce/multiplication-data.js';
import { MULTIPLICATION_FORMAT_NAMES } from '../reproduce/presets.js';
import { machineInfo } from './machine.js';

/** Training answers sampled for the chance baseline. */
const CHANCE_SAMPLES = 20_000;
const SEED_CHANCE = 3_000_003;

export interface EvaluateCheckpointOptions {
  /** A checkpoint directory (config.json + model.safetensors). */
  dir: string;
  /** Task name; default: the checkpoint's metadata, else `multiplication`. */
  task?: string;
  /** CoT format; default: the checkpoint's metadata. */
  format?: string;
  /** Operand digits; default: the checkpoint's metadata, else [4, 4]. */
  digits?: [number, number];
  split?: 'train' | 'test';
  n: number;
  seed?: number;
  batchSize?: number;
  backend?: BackendName;
  command: string;
  onProgress?: (progress: EvaluationProgress) => void;
  signal?: AbortSignal;
}

/**
 * `cotlab eval`: loads a checkpoint, draws `n` distinct examples of a split of its task, rolls
 * the model out greedily and scores it. Task, format and digits default to what the checkpoint
 * recorded when it was trained by `cotlab reproduce`.
 *
 * @example const report = await evaluateCheckpoint({ dir: 'runs/multiplication-quick/checkpoint', n: 1000, command: 'cotlab eval …' });
 */
export async function evaluateCheckpoint(options: EvaluateCheckpointOptions): Promise<RunReport> {
  const backend = await initBackend(options.backend);
  const { model, manifest } = await loadCheckpoint(options.dir);
  try {
    const meta = manifest.metadata ?? {};
    const task = options.task ?? (typeof meta['task'] === 'string' ? meta['task'] : 'multiplication');
    if (task !== 'multiplication') throw new EvaluatorError('task', "'multiplication' (the task cotlab eval scores so far)", task);
    const format = options.format ?? (typeof meta['format'] === 'string' ? meta['format'] : undefined);
    if (format === undefined || !(MULTIPLICATION_FORMAT_NAMES as readonly string[]).includes(format)) {
      throw new EvaluatorError('format', `one of ${MULTIPLICATION_FORMAT_NAMES.join(', ')} (the checkpoint does not record one)`, format);
    }
    const recorded = meta['digits'];
    const digits = options.digits ?? (Array.isArray(recorded) && recorded.length === 2 ? [Number(recorded[0]), Number(recorded[1])] as [number, number] : [4, 4] as [number, number]);
    const data = multiplicationData(digits, format);
    if (data.tokenizer.size !== model.config.vocabSize) {
      throw new EvaluatorError('format', `a format whose vocabulary has the model's ${model.config.vocabSize} symbols`, `'${format}' with ${data.tokenizer.size}`);
    }
    const split = options.split ?? 'test';
    const seed = options.seed ?? 1;
    const examples = data.examples(split, options.n, seed);
    const started = performance.now();
    const result = await evaluate({
      model,
      codec: data.tokenizer,
      examples,
      answerOf: (c) => data.task.format.answerOf(c),
      ...(options.batchSize === undefined ? {} : { batchSize: options.batchSize }),
      ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    });
    const chance = chanceBaseline(data.trainAnswers(CHANCE_SAMPLES, seed + SEED_CHANCE), examples.map((e) => e.answer));
    const c = model.config;
    return {
      schema: REPORT_SCHEMA,
      title: `${digits[0]}×${digits[1]} multiplication: ${format} CoT, ${c.kind} checkpoint ${options.dir}`,
      command: options.command,
      createdAt: new Date().toISOString(),
      machine: machineInfo(backend),
      task: { name: task, params: { digits }, format, split: data.splitRule },
      model: {
        config: { kind: c.kind, vocabSize: c.vocabSize, contextLength: c.contextLength, dim: c.dim, ...(c.kind === 'transformer' ? { layers: c.layers, heads: c.heads } : {}) },
        parameterCount: model.parameterCount(),
      },
      evaluation: { ...result, split, seconds: (performance.now() - started) / 1000, chance },
    };
  } finally {
    model.dispose();
  }
}
