export { version } from './version.js';
export { EvaluatorError, BudgetError, formatBytes } from './errors.js';
export type { LogitsModel, RolloutFn, RolloutOptions, SymbolCodec } from './model-like.js';
export { greedyRollout } from './greedy-rollout.js';
export { evaluate, type EvalExample, type EvaluateOptions, type EvaluationProgress, type EvaluationResult, type RolloutSample } from './evaluate.js';
export { AnswerAccumulator, type AnswerMetrics } from './metrics/answer-metrics.js';
export { FirstErrorAccumulator, firstErrorIndex, type FirstErrorHistogram } from './metrics/first-error.js';
export { TeacherForcedAccumulator, type PositionScore, type TeacherForcedMetrics } from './metrics/teacher-forced.js';
export { chanceBaseline, type ChanceBaseline } from './metrics/baseline.js';
export {
  REPORT_SCHEMA, parseReport, ReportShapeError,
  type CurvePoint, type EvaluationSummary, type MachineInfo, type ModelInfo, type PlotName, type RunReport, type TaskInfo, type TrainingSummary,
} from './report.js';
export { renderReportMarkdown } from './render/report-markdown.js';
export { markdownTable, percent, duration, compact } from './render/format.js';
export { renderSvg } from './plots/render-svg.js';
export { trainingCurveSpec, positionAccuracySpec, firstErrorSpec, sweepHeatmapSpec } from './plots/specs.js';
export { reportPlots } from './plots/report-plots.js';
export { gridCells, cellId, type Axes, type AxisValue, type Cell } from './sweep/grid.js';
export {
  runSweep, memorySweepStore,
  type CellMetrics, type CellRecord, type RunSweepOptions, type SweepProgress, type SweepStore, type SweepTable,
} from './sweep/run-sweep.js';
export { renderSweepMarkdown, pivotMarkdown, type MetricFormat, type SweepMarkdownOptions } from './sweep/sweep-markdown.js';
export {
  PAPER, PRESET_NAMES, MULTIPLICATION_FORMAT_NAMES, MODEL_KIND_NAMES, resolvePreset, validatePreset,
  type ModelKindName, type MultiplicationFormat, type PresetName, type PresetOverrides, type ReproducePreset,
} from './reproduce/presets.js';
export { multiplicationData, type MultiplicationData, type TrainingSequence } from './reproduce/multiplication-data.js';
