export { version } from './version.js';
export { CompilerError, CompilerArgumentError, CompiledSizeError } from './errors.js';
export { programLength, runProgram, validateProgram, type LinearProgram, type Step, type Term } from './program.js';
export {
  toSparsePredictor, sparseLogits, sparseGenerate, sparseParameterCount, THRESHOLD_MARGIN, type SparsePredictor,
} from './sparse-predictor.js';
export { toTorchStateDict, denseParameterCount, MAX_DENSE_ENTRIES, MAX_DENSE_MAGNITUDE, type DenseTensor } from './dense-weights.js';
export { compileCircuitProgram, compileLibraryCircuit, CIRCUIT_VOCABULARY, type CircuitProgramOptions } from './compile-circuit.js';
export { countLogParityProgram } from './parity-program.js';
export { unrollMachine, MAX_UNROLL_CELL_STEPS, type MachineBounds, type UnrolledMachine } from './unroll-machine.js';
export { compileMachineProgram, compileLibraryMachine, machineBoundsFor, BOUNDS_MAX_STEPS, type MachineProgram, type MeasuredBounds } from './machine-program.js';
export { verifyAgainstTask, verifyMachineProgram, EXHAUSTIVE_BITS, DEFAULT_SAMPLES, type Verification, type VerifyOptions } from './verify.js';
export { sizeOf, circuitSizeTable, SIZE_TABLE_BITS, type SizeRow } from './size-table.js';
export { sparsePredictorToJson, parseSparsePredictor, SPARSE_FORMAT } from './sparse-json.js';
