import { readFileSync } from 'node:fs';
import { SHARED_SKIP_REASON, sharedPath } from '@cotlab/test-utils';
import { encode as packageEncode } from 'gpt-tokenizer/encoding/r50k_base';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GPT2_END_OF_TEXT_ID, GPT2_VOCAB_SIZE, gpt2Tokenizer } from './gpt2.js';

const samplePath = sharedPath('data', 'tinystories', 'valid-sample.txt');

describe('gpt2Tokenizer (r50k_base ranks from gpt-tokenizer, merged by our encoder)', async () => {
  const gpt2 = await gpt2Tokenizer();

  it('has GPT-2 vocabulary and its known ids', () => {
    expect(gpt2.size).toBe(GPT2_VOCAB_SIZE);
    expect(gpt2.specialTokens).toEqual({ bos: GPT2_END_OF_TEXT_ID, eos: GPT2_END_OF_TEXT_ID });
    expect(gpt2.encode('Hello world')).toEqual([15496, 995]);
    expect(gpt2.symbolOf(262)).toBe('Ġthe');
    expect(gpt2.encode('a<|endoftext|>b')).toEqual([64, 50256, 65]);
  });

  it('gives the same ids as the gpt-tokenizer package on arbitrary strings (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), (s) => {
        const text = s.replaceAll('<|endoftext|>', '');
        expect(gpt2.encode(text)).toEqual(packageEncode(text));
        expect(gpt2.decode(gpt2.encode(text))).toBe(text);
      }),
      { numRuns: 300 },
    );
  });

  describe.skipIf(samplePath === undefined)(`TinyStories (${SHARED_SKIP_REASON})`, () => {
    it('gives the same ids as the package on the 0.8 MB validation sample', () => {
      const text = readFileSync(samplePath!, 'utf8');
      const ours = gpt2.encode(text);
      expect(ours.length).toBeGreaterThan(100_000);
      expect(ours).toEqual(packageEncode(text));
    });
  });
});
