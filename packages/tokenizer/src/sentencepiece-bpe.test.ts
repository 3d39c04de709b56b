import { readFileSync } from 'node:fs';
import { SHARED_SKIP_REASON, sharedPath } from '@cotlab/test-utils';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { MalformedTokenizerFileError } from './errors.js';
import { SentencePieceBpeTokenizer, type SentencePiece } from './sentencepiece-bpe.js';

const binPath = sharedPath('data', 'tokenizers', 'tok512.bin');
const goldenPath = sharedPath('golden', 'tok512-encodings.jsonl');

/** A tiny vocabulary written by hand: merges by score, bytes for the rest. */
function tiny(): SentencePieceBpeTokenizer {
  const pieces: SentencePiece[] = [
    { piece: '<unk>', score: 0, type: 'unknown' },
    { piece: '<s>', score: 0, type: 'control' },
    { piece: '</s>', score: 0, type: 'control' },
    ...Array.from({ length: 256 }, (_, b): SentencePiece => ({ piece: `<0x${b.toString(16).toUpperCase().padStart(2, '0')}>`, score: 0, type: 'byte' })),
    { piece: '▁a', score: -1, type: 'normal' },
    { piece: 'ab', score: -0.5, type: 'normal' },
    { piece: '▁', score: -5, type: 'normal' },
    { piece: 'a', score: -6, type: 'normal' },
    { piece: 'b', score: -7, type: 'normal' },
  ];
  return new SentencePieceBpeTokenizer(pieces);
}

describe('SentencePieceBpeTokenizer', () => {
  it('merges the highest-scoring pair first and falls back to bytes', () => {
    const tok = tiny();
    // ▁ a b: 'ab' (−0.5) beats '▁a' (−1), leaving ▁ + ab.
    expect(tok.encode('ab').map((id) => tok.symbolOf(id))).toEqual(['▁', 'ab']);
    expect(tok.encode('a')).toEqual([259]);
    expect(tok.encode('é').map((id) => tok.symbolOf(id))).toEqual(['▁', '<0xC3>', '<0xA9>']);
    expect(tok.decode(tok.encode('  ab   é  '))).toBe('ab é');
    expect(tok.encode('')).toEqual([]);
    expect(tok.encode('   ')).toEqual([]);
  });

  it('decodes control tokens to nothing and the unknown token as ⁇', () => {
    const tok = tiny();
    expect(tok.decode([1, 259, 0, 2])).toBe('a ⁇ ');
    expect(tok.specialTokens).toEqual({ unk: 0, bos: 1, eos: 2 });
  });

  it('names the file and the problem for a malformed tokenizer.bin', () => {
    expect(() => SentencePieceBpeTokenizer.fromLlama2cBin(new Uint8Array(2), 'x.bin')).toThrow(MalformedTokenizerFileError);
    const bad = new Uint8Array(16);
    new DataView(bad.buffer).setInt32(0, 7, true);
    new DataView(bad.buffer).setInt32(8, 100, true);
    expect(() => SentencePieceBpeTokenizer.fromLlama2cBin(bad, 'x.bin')).toThrow(/x\.bin .*piece 0 claims 100 bytes but 4 remain/);
  });

  describe.skipIf(binPath === undefined)(`llama2.c tok512 (${SHARED_SKIP_REASON})`, () => {
    // Read in beforeAll: a skipped describe still runs its body.
    let tok: SentencePieceBpeTokenizer;
    let golden: { text: string; ids: number[]; pieces: string[] }[];
    beforeAll(() => {
      tok = SentencePieceBpeTokenizer.fromLlama2cBin(new Uint8Array(readFileSync(binPath!)), 'tok512.bin');
      golden = readFileSync(goldenPath!, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { text: string; ids: number[]; pieces: string[] });
    });

    it('reads 512 pieces with llama2.c special tokens', () => {
      expect(tok.size).toBe(512);
      expect(tok.specialTokens).toEqual({ unk: 0, bos: 1, eos: 2 });
      expect(tok.symbolOf(3)).toBe('<0x00>');
      expect(tok.idOf('▁Once')).toBe(403);
    });

    it('encodes all 36 golden texts exactly as the reference SentencePiece library', () => {
      expect(golden).toHaveLength(36);
      for (const { text, ids, pieces } of golden) {
        const got = tok.encode(text);
        expect({ text, ids: got }).toEqual({ text, ids });
        expect(got.map((id) => tok.symbolOf(id))).toEqual(pieces);
      }
    });

    it('encodes word by word (cached) exactly as over the whole text (property)', () => {
      // An extra unused piece with an inner ▁ turns word-wise encoding off without changing merges.
      const whole = new SentencePieceBpeTokenizer([...tok.pieces, { piece: 'x▁y', score: 0, type: 'unused' }]);
      const alphabet = [...Array.from('abcdeilnorstuy .,!?\n\'"é😀'), '  ', 'the', 'Lily', ' once'];
      fc.assert(
        fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 40 }), (parts) => {
          const text = parts.join('');
          expect(tok.encode(text)).toEqual(whole.encode(text));
        }),
        { numRuns: 300 },
      );
    });

    it('decodes the golden ids back to the normalised text', () => {
      for (const { text, ids } of golden) {
        expect(tok.decode(ids)).toBe(text.replace(/^ +| +$/g, '').replace(/ {2,}/g, ' '));
      }
    });
  });
});
