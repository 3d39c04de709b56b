export { version } from './version.js';
export type { Example, Format, ParameterInfo, Split, Task } from './types.js';
export { CorpusError, InvalidParameterError, MalformedDataError, UnknownNameError } from './errors.js';
export { createRng, type Rng } from './rng.js';
export {
  floorMod,
  hashKey,
  hashSplit,
  malachSplit,
  malachSplitBigInt,
  MALACH_MAX_OPERAND,
  MALACH_MIN_OPERAND,
  MALACH_SPLIT_PRIME,
  productSplitRule,
  type OperandRange,
} from './split.js';
export { createTask, listTasks, registerTask, type TaskInfo } from './registry.js';
export {
  createMultiplicationTask,
  multiplicationOperands,
  operandRanges,
  MULTIPLICATION_FORMATS,
  PAPER_DIGITS,
  type MultiplicationFormatName,
} from './multiplication/task.js';
export type { MultiplicationInput, MultiplicationShape } from './multiplication/shape.js';
export { malachFormat, malachLength, pairSymbol } from './multiplication/malach-format.js';
export { dengFormat, dengLength, DENG_ANSWER_MARK, DENG_PROMPT_END } from './multiplication/deng-format.js';
export { stepwiseDependencies, stepwiseFormat, stepwiseLength, maxStepwiseCarry } from './multiplication/stepwise-format.js';
export { noneFormat } from './multiplication/none-format.js';
export { BOS, DIGITS, UNK } from './digits.js';
export {
  createSymbolEncoder,
  LOSS_MASK_KINDS,
  makeLossMask,
  tokenizerFor,
  toTokenSequence,
  type LossMaskKind,
  type SymbolEncoder,
  type TokenSequence,
} from './encode.js';
export {
  datasetExamples,
  datasetInputs,
  datasetSequences,
  encodedInputs,
  MAX_SHUFFLE_INPUTS,
  SPLIT_CHOICES,
  validateDatasetOptions,
  type DatasetOptions,
  type EncodedRecord,
  type SequenceOptions,
  type SplitChoice,
} from './dataset.js';
export type { IdArray, IdWriter } from './types.js';
export {
  bytesPerId,
  dtypeFor,
  parseShard,
  SHARD_MAGIC,
  SHARD_VERSION,
  type ReadShardOptions,
  type Shard,
  type ShardDType,
  type ShardHeader,
  type ShardIndex,
} from './shard-format.js';
export { CardRecorder, cardMarkdown, LengthHistogram, type DatasetCard, type LengthStats } from './card.js';
export { createParityTask, countWidth, PARITY_FORMATS, MAX_PARITY_BITS, type ParityInput } from './parity/task.js';
export { createAdditionTask, ADDITION_FORMATS, MAX_ADDITION_DIGITS, type AdditionInput } from './addition/task.js';
export { CircuitBuilder, evaluateCircuit, type CircuitEvaluation, type ThresholdCircuit, type ThresholdGate } from './circuits/circuit.js';
export {
  addBitGates,
  additionCircuit,
  circuitByName,
  CIRCUITS,
  comparisonCircuit,
  MAX_CIRCUIT_BITS,
  multiplicationCircuit,
  parityCircuit,
  type CircuitName,
} from './circuits/library.js';
export { createCircuitTask, type CircuitInput } from './circuits/task.js';
export { createTuringTask, DEFAULT_TURING_LENGTH, DEFAULT_TURING_MAX_STEPS, TURING_ANSWER_END, TURING_ANSWER_MARK, TURING_PROMPT_END, type TuringInput } from './turing/task.js';
