import { readFileSync } from 'node:fs';
import { SHARED_SKIP_REASON, sharedPath } from '@cotlab/test-utils';
import { describe, expect, it } from 'vitest';
import { MALACH_PRODUCT_VOCAB_SIZE, malachProductTokenizer } from './malach-product.js';

const vocabPath = sharedPath('golden', 'malach-product-vocab.json');
const cotPath = sharedPath('golden', 'malach-product-cot.jsonl');

describe('malachProductTokenizer', () => {
  const tok = malachProductTokenizer();

  it('has the paper special tokens: [UNK] = 0 (unk and padding), [BOS] = 1', () => {
    expect(tok.size).toBe(MALACH_PRODUCT_VOCAB_SIZE);
    expect(tok.specialTokens).toEqual({ unk: 0, pad: 0, bos: 1 });
    expect(tok.idOf('4x8')).toBe(17 + 4 * 10 + 8);
    expect(tok.symbolOf(116)).toBe('9x9');
  });

  describe.skipIf(vocabPath === undefined)(`golden vectors (${SHARED_SKIP_REASON})`, () => {
    it('gives exactly the ids of the paper vocabulary (malach-product-vocab.json)', () => {
      const golden = JSON.parse(readFileSync(vocabPath!, 'utf8')) as string[];
      expect(golden).toHaveLength(MALACH_PRODUCT_VOCAB_SIZE);
      golden.forEach((symbol, id) => {
        expect(tok.idOf(symbol)).toBe(id);
        expect(tok.symbolOf(id)).toBe(symbol);
      });
    });

    it('encodes every golden CoT text to its recorded ids and back', () => {
      const lines = readFileSync(cotPath!, 'utf8').trim().split('\n');
      expect(lines.length).toBe(200);
      for (const line of lines) {
        const { text, ids } = JSON.parse(line) as { text: string; ids: number[] };
        expect(tok.encode(text)).toEqual(ids);
        expect(tok.decode(ids)).toBe(text);
      }
    });
  });
});
