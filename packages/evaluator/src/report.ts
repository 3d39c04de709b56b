import type { EvaluationResult } from './evaluate.js';
import type { ChanceBaseline } from './metrics/baseline.js';

/** The JSON schema tag of a run report; bump when a field changes meaning. */
export const REPORT_SCHEMA = 'cotlab.report/1';

/** Where a report was made: enough to judge its timings. */
export interface MachineInfo {
  platform: string;
  arch: string;
  cpuModel: string;
  /** Logical cores the OS reports (others may have been using them). */
  cores: number;
  memoryGiB: number;
  node: string;
  /** TensorFlow.js backend that ran the model (`tensorflow`, `wasm`, `cpu`). */
  backend: string;
}

export interface TaskInfo {
  name: string;
  params: Record<string, unknown>;
  format: string;
  /** How train and test pairs were separated, e.g. `malach` (the paper's 75/25 rule). */
  split: string;
}

export interface ModelInfo {
  config: { kind: string; vocabSize: number; contextLength: number; dim: number; layers?: number; heads?: number };
  parameterCount: number;
}

/** One point of a training curve. */
export interface CurvePoint {
  step: number;
  loss: number;
  /** Held-out loss, when it was measured at this step. */
  evalLoss?: number;
}

export interface TrainingSummary {
  steps: number;
  batchSize: number;
  /** Training sequences seen (steps × batch size). */
  sequences: number;
  seconds: number;
  lr: number;
  weightDecay: number;
  finalLoss: number;
  /** Data-parallel worker threads used. */
  workers?: number;
  /** Stopped by its time budget or an abort before the planned number of steps. */
  stoppedEarly: boolean;
  /** Wall-clock budget it was given, when it had one. */
  budgetSeconds?: number;
  curve: CurvePoint[];
}

export interface EvaluationSummary extends EvaluationResult {
  split: 'train' | 'test';
  seconds: number;
  /** The best input-independent guess on the same examples. */
  chance: ChanceBaseline;
}

/**
 * A run report: plain JSON first; Markdown and SVG are renderings of it
 * (`renderReportMarkdown`, `reportPlots`). `cotlab reproduce` and `cotlab eval` write one.
 */
export interface RunReport {
  schema: typeof REPORT_SCHEMA;
  title: string;
  /** The command line that made it. */
  command: string;
  createdAt: string;
  preset?: string;
  machine?: MachineInfo;
  task: TaskInfo;
  model: ModelInfo;
  training?: TrainingSummary;
  evaluation: EvaluationSummary;
  /** Plots written beside the report, by role (file names relative to the report). */
  plots?: Partial<Record<PlotName, string>>;
}

export type PlotName = 'training-curve' | 'position-accuracy' | 'first-error';

/**
 * Checks the shape of a parsed report (from a file or another tool) and returns it typed;
 * throws naming the first field that is missing or of the wrong type.
 *
 * @example const report = parseReport(JSON.parse(readFileSync('report.json', 'utf8')));
 */
export function parseReport(value: unknown): RunReport {
  const fail = (field: string, expected: string, got: unknown): never => {
    throw new ReportShapeError(field, expected, got);
  };
  if (typeof value !== 'object' || value === null) return fail('report', 'an object', value);
  const r = value as Record<string, unknown>;
  if (r['schema'] !== REPORT_SCHEMA) fail('schema', `'${REPORT_SCHEMA}'`, r['schema']);
  for (const key of ['title', 'command', 'createdAt'] as const) if (typeof r[key] !== 'string') fail(key, 'a string', r[key]);
  const task = r['task'] as Record<string, unknown> | undefined;
  if (typeof task?.['name'] !== 'string' || typeof task['format'] !== 'string') fail('task', 'an object with name and format', task);
  const model = r['model'] as Record<string, unknown> | undefined;
  if (typeof model?.['parameterCount'] !== 'number' || typeof model['config'] !== 'object') fail('model', 'an object with config and parameterCount', model);
  const evaluation = r['evaluation'] as Record<string, unknown> | undefined;
  const answers = evaluation?.['answers'] as Record<string, unknown> | undefined;
  if (typeof answers?.['exactMatch'] !== 'number') fail('evaluation.answers.exactMatch', 'a number', answers?.['exactMatch']);
  if (typeof (evaluation?.['chance'] as Record<string, unknown> | undefined)?.['exactMatch'] !== 'number') {
    fail('evaluation.chance.exactMatch', 'a number', evaluation?.['chance']);
  }
  if (!Array.isArray((evaluation?.['firstError'] as Record<string, unknown> | undefined)?.['counts'])) {
    fail('evaluation.firstError.counts', 'an array', evaluation?.['firstError']);
  }
  const training = r['training'] as Record<string, unknown> | undefined;
  if (training !== undefined && !Array.isArray(training['curve'])) fail('training.curve', 'an array', training['curve']);
  return value as RunReport;
}

/** A report read back does not have the shape `RunReport` promises. */
export class ReportShapeError extends Error {
  override readonly name = 'ReportShapeError';
  readonly field: string;
  constructor(field: string, expected: string, received: unknown) {
    super(`evaluator: report field '${field}' must be ${expected}, got ${JSON.stringify(received)?.slice(0, 80) ?? 'undefined'}`);
    this.field = field;
  }
}
