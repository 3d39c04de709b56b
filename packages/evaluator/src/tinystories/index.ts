// `@cotlab/evaluator/tinystories` (Node): the paper's TinyStories experiment at CPU scale.
export { TINYSTORIES_PRESETS, TINYSTORIES_PRESET_CONFIGS, STORY_PROMPTS, PAPER_TINYSTORIES, type TinyStoriesPreset, type TinyStoriesPresetName } from './presets.js';
export { resolveTinyStoriesText, readDocuments, type Document, type TextSource, type ResolveTextOptions } from './data.js';
export { resolveTextTokenizer, type TextTokenizer } from './tokenizer.js';
export { trainingWindows, scoringWindows, type Window, type ScoringWindow } from './windows.js';
export { modelDocumentNll } from './score.js';
export { reproduceTinyStories, type TinyStoriesRunOptions } from './run.js';
export { TINYSTORIES_REPORT_SCHEMA, type TinyStoriesReport, type ModelResult, type BaselineResult, type StorySample, type HeldOutScore } from './report.js';
export { renderTinyStoriesMarkdown, bitsPerByteSpec, trainingLossSpec } from './render.js';
export { writeTinyStoriesReport } from './write.js';
