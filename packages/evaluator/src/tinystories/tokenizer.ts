import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readStories } from '@cotlab/datasets/node';
import { loadTokenizer, trainByteLevelBpe, type Tokenizer } from '@cotlab/tokenizer/node';
import { EvaluatorError } from '../errors.js';

export interface TextTokenizer {
  tokenizer: Tokenizer;
  spec: string;
  /** Id that starts every document (the model's context before a story's first token). */
  bos: number;
  /** Id that ends a story; generation stops there. */
  eos: number;
}

/** Stories read to train a `bpe-N` tokenizer: enough for stable merges, quick to read. */
const BPE_TRAINING_STORIES = 20_000;

/**
 * The tokenizer of a text experiment: `tok512` (llama2.c's 512-token TinyStories vocabulary from
 * `../shared/data/tokenizers`), `gpt2` (the paper's), `bpe-N` (byte-level BPE trained on the
 * training text), or any spec `loadTokenizer` takes (a tokenizer.json, `llama2c:PATH`).
 */
export async function resolveTextTokenizer(spec: string, trainPath: string, sharedDir?: string): Promise<TextTokenizer> {
  let tokenizer: Tokenizer;
  let described = spec;
  const bpe = /^bpe-(\d+)$/.exec(spec);
  if (spec === 'tok512') {
    const bin = sharedDir === undefined ? undefined : join(sharedDir, 'data', 'tokenizers', 'tok512.bin');
    if (bin === undefined || !existsSync(bin)) {
      throw new EvaluatorError('tokenizer', "available: 'tok512' needs ../shared/data/tokenizers/tok512.bin (use --tokenizer bpe-512 or gpt2 instead)", spec);
    }
    tokenizer = await loadTokenizer(`llama2c:${bin}`);
    described = `tok512 (llama2.c, ${bin})`;
  } else if (bpe) {
    const size = Number(bpe[1]);
    const stories: string[] = [];
    for await (const story of readStories(trainPath)) {
      stories.push(story);
      if (stories.length >= BPE_TRAINING_STORIES) break;
    }
    tokenizer = await trainByteLevelBpe(stories, { vocabSize: size });
    described = `byte-level BPE, ${size} tokens, trained on ${stories.length} training stories`;
  } else {
    tokenizer = await loadTokenizer(spec);
  }
  const { bos, eos } = tokenizer.specialTokens;
  const end = eos ?? bos;
  if (end === undefined) throw new EvaluatorError('tokenizer', 'a tokenizer with a BOS or EOS token', spec);
  return { tokenizer, spec: described, bos: bos ?? end, eos: end };
}
