// Node-only parts of @cotlab/evaluator: files (reports, sweep cells, checkpoints) and the
// end-to-end reproduction pipeline that trains with @cotlab/models.
export { writeFileAtomic } from './atomic-write.js';
export { machineInfo } from './machine.js';
export { writeReport, type WrittenReport } from './write-report.js';
export { directorySweepStore } from './sweep-store.js';
export {
  reproduceMultiplication, checkMemory, presetModelConfig,
  type ReproduceEvent, type ReproduceOptions, type ReproduceResult,
} from './reproduce-multiplication.js';
export { dimForParameters } from '../reproduce/model-size.js';
export {
  compareFormats, COMPARISON_FORMATS, COMPARISON_MODELS, COMPARISON_BUDGET_MINUTES, COMPARISON_PARAMETERS, COMPARISON_EVAL_N,
  type CompareFormatsOptions, type CompareFormatsResult,
} from './compare-formats.js';
export { evaluateCheckpoint, type EvaluateCheckpointOptions } from './evaluate-checkpoint.js';
