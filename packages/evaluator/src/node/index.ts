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
