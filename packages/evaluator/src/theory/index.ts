// @cotlab/evaluator/theory: the paper's theory made runnable — learning compiled targets, parity
// length complexity, learning Turing machines from their traces. Node only (writes reports).
export { learnTask, scoreExamples, LEARN_DEFAULTS, THEORY_MODELS, type LearnRecipe, type LearnResult, type LearnOptions, type TheoryModel } from './learn-task.js';
export { summarise, THEORY_REPORT_SCHEMA, type CompiledCheck, type SummaryRow, type TheoryReport } from './report.js';
export { renderTheoryMarkdown, accuracyVsCotSpec } from './render.js';
export {
  runParityExperiment, runLengthComplexityExperiment, PARITY_BITS, PARITY_GRID_FORMATS, THEORY_SEEDS, COMPILED_CHECK_SAMPLES,
  TRACE_MACHINE, TRACE_TRAIN_LENGTH, COMPILED_MACHINES, TRACE_LONGER_BY, type TheoryEvent, type TheoryExperimentOptions,
} from './experiments.js';
export { writeTheoryReport, THEORY_FILES } from './write.js';
export { directorySweepStore } from '../node/sweep-store.js';
