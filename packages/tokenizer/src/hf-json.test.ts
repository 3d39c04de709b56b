import * as hfTokenizers from '@huggingface/tokenizers';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { trainByteLevelBpeSync } from './bpe-train.js';
import { CharTokenizer } from './char.js';
import { MalformedTokenizerFileError } from './errors.js';
import { tokenizerFromJSON } from './from-json.js';
import { malachProductTokenizer } from './malach-product.js';
import type { Tokenizer } from './tokenizer.js';
import { rolesFromTokenizerConfig, tokenizerConfig } from './tokenizer-config.js';
import { WordLevelTokenizer } from './word-level.js';

const CORPUS = [
  'Once upon a time, there was a little girl named Lily. She liked to play with her ball.',
  'One day, Lily saw a big dog in the park. The dog was happy and wanted to play with Lily too!',
  "Lily's mom said: \"Don't run!\" 123 + 4567 = 4690. Héllo wörld 😀 — ok.\n\nThe end.",
];
const TEXTS = [
  'Lily and the dog played all day.',
  "They're happy!!  Really?\n\n\tYes, 42 times — é😀",
  '   leading and trailing spaces   ',
  'The end.<|endoftext|>Once upon a time',
];

/** What the test uses of tokenizers.js (its published .d.ts files use extensionless imports that NodeNext cannot resolve). */
interface HfTokenizer {
  encode(text: string, options: { add_special_tokens: boolean }): { ids: number[] };
  decode(ids: number[], options?: { skip_special_tokens: boolean }): string;
}

/**
 * An independent implementation of tokenizer.json (Hugging Face tokenizers.js). It has no
 * WordLevel model of its own (its fallback reads the unknown token from tokenizer_config.json),
 * so the config names it.
 */
function hf(tok: Tokenizer): HfTokenizer {
  const HfTokenizerClass = (hfTokenizers as unknown as { Tokenizer: new (json: object, config: object) => HfTokenizer }).Tokenizer;
  return new HfTokenizerClass(JSON.parse(JSON.stringify(tok.toJSON())) as object, tokenizerConfig(tok));
}

function hfIds(t: HfTokenizer, text: string): number[] {
  return t.encode(text, { add_special_tokens: false }).ids;
}

describe('Hugging Face tokenizer.json', () => {
  it('byte-level BPE: reads back what it writes, and tokenizers.js gives the same ids', () => {
    const tok = trainByteLevelBpeSync(CORPUS, { vocabSize: 400, minFrequency: 1 });
    const back = tokenizerFromJSON(JSON.parse(JSON.stringify(tok.toJSON())));
    expect(back.size).toBe(tok.size);
    expect(back.specialTokens).toEqual(tok.specialTokens);
    const other = hf(tok);
    for (const text of [...TEXTS, ...CORPUS]) {
      expect(back.encode(text)).toEqual(tok.encode(text));
      expect(hfIds(other, text)).toEqual(tok.encode(text));
      expect(other.decode(tok.encode(text), { skip_special_tokens: false })).toBe(tok.decode(tok.encode(text)));
    }
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-ascii', maxLength: 40 }), (s) => {
        expect(hfIds(other, s)).toEqual(tok.encode(s));
      }),
      { numRuns: 200 },
    );
  });

  it('word-level: the paper vocabulary round-trips and tokenizers.js agrees', () => {
    const tok = malachProductTokenizer();
    const back = tokenizerFromJSON(JSON.parse(JSON.stringify(tok.toJSON())));
    if (!(back instanceof WordLevelTokenizer)) throw new Error('expected a WordLevelTokenizer');
    expect(back.symbols).toEqual(tok.symbols);
    expect(back.specialTokens).toMatchObject({ unk: 0, bos: 1 });
    const text = '[BOS] 1 2 3 4 x 5 6 7 8 = ( 4x8 + 1 ) =';
    expect(hfIds(hf(tok), text)).toEqual(tok.encode(text));
    expect(hfIds(hf(tok), 'q 1')).toEqual([0, 3]);
  });

  it('character-level: reads back what it writes, and tokenizers.js agrees', () => {
    const tok = CharTokenizer.fromCorpus(CORPUS, { specials: { unk: '<unk>' } });
    const back = tokenizerFromJSON(JSON.parse(JSON.stringify(tok.toJSON())));
    if (!(back instanceof CharTokenizer)) throw new Error('expected a CharTokenizer');
    expect(back.symbols).toEqual(tok.symbols);
    const text = 'Lily saw a dog. 😀';
    expect(hfIds(hf(tok), text)).toEqual(tok.encode(text));
    expect(hf(tok).decode(tok.encode(text))).toBe(text);
  });

  it('reads special-token roles from tokenizer_config.json values', () => {
    expect(rolesFromTokenizerConfig({ bos_token: '<s>', eos_token: { content: '</s>' }, pad_token: null })).toEqual({ bos: '<s>', eos: '</s>' });
    expect(() => rolesFromTokenizerConfig({ unk_token: 3 }, 'c.json')).toThrow(/c\.json .*unk_token must be a string/);
  });

  it('names the file and the problem for malformed JSON', () => {
    expect(() => tokenizerFromJSON([], 'x.json')).toThrow(MalformedTokenizerFileError);
    expect(() => tokenizerFromJSON({}, 'x.json')).toThrow(/x\.json .*no model\.type/);
    expect(() => tokenizerFromJSON({ model: { type: 'WordLevel', vocab: { a: 0, b: 2 } } }, 'x.json')).toThrow(/no token with id 1/);
    expect(() => tokenizerFromJSON({ model: { type: 'Unigram' } }, 'x.json')).toThrow(/"Unigram" is not supported/);
    expect(() => tokenizerFromJSON({ model: { type: 'BPE', vocab: { a: 0 }, merges: [] }, pre_tokenizer: { type: 'ByteLevel' } }, 'x.json')).toThrow(
      /x\.json .*256 byte tokens/,
    );
  });
});
