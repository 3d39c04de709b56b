/**
 * The little the evaluator needs from a model: the `Model` of `@cotlab/models` satisfies it, and
 * so does any object with the same two members (tests use tiny hand-written ones).
 */
export interface LogitsModel {
  readonly config: { readonly vocabSize: number; readonly contextLength: number };
  /** Per sequence, `[length × vocabSize]` logits; row i predicts the token after position i. */
  logits(batch: Int32Array[]): Float32Array[];
  /** Optional faster greedy continuation (new tokens only) within the context length. */
  greedyContinue?(prompts: readonly Int32Array[], options: RolloutOptions): Int32Array[];
}

/** Options of a greedy rollout, as `generate` of `@cotlab/models` takes them. */
export interface RolloutOptions {
  maxNewTokens: number;
  /** Stop a sequence once it emits this id. */
  eos?: number;
}

/**
 * Continues each prompt greedily and returns the new tokens only. `generate(model, prompts,
 * { ...options, temperature: 0 })` of `@cotlab/models` fits once bound to a model.
 */
export type RolloutFn = (prompts: Int32Array[], options: RolloutOptions) => Int32Array[] | Promise<Int32Array[]>;

/** Symbols ⇄ ids without whitespace splitting: `WordLevelTokenizer` of `@cotlab/tokenizer` fits. */
export interface SymbolCodec {
  encodeSymbols(symbols: readonly string[]): Int32Array;
  decodeSymbols(ids: ArrayLike<number>): string[];
}
