import { readFileSync } from 'node:fs';
import { SHARED_SKIP_REASON, sharedPath } from '@cotlab/test-utils';
import { beforeAll, describe, expect, it } from 'vitest';
import { MalformedTokenizerFileError } from './errors.js';
import { SentencePieceBpeTokenizer } from './sentencepiece-bpe.js';
import { sentencePieceFromModelProto } from './sentencepiece-model.js';

const modelPath = sharedPath('data', 'tokenizers', 'tok512.model');
const binPath = sharedPath('data', 'tokenizers', 'tok512.bin');
const goldenPath = sharedPath('golden', 'tok512-encodings.jsonl');

/** Hand-encoded protobuf: tag bytes, then payloads. */
function bytes(...parts: (number | number[] | string)[]): Uint8Array {
  const out: number[] = [];
  for (const p of parts) {
    if (typeof p === 'number') out.push(p);
    else if (typeof p === 'string') out.push(...new TextEncoder().encode(p));
    else out.push(...p);
  }
  return Uint8Array.from(out);
}

describe('sentencePieceFromModelProto', () => {
  it('reads pieces, types and the normaliser from a hand-written ModelProto', () => {
    // piece { piece: "<unk>" type: UNKNOWN } piece { piece: "▁a" score: -1.5 } trainer_spec { model_type: BPE }
    // normalizer_spec { name: "identity" add_dummy_prefix: false }
    const unk = bytes(0x0a, 5, '<unk>', 0x18, 2);
    const a = bytes(0x0a, 4, '▁a', 0x15, [0x00, 0x00, 0xc0, 0xbf]);
    const model = bytes(0x0a, unk.length, [...unk], 0x0a, a.length, [...a], 0x12, 2, 0x18, 2, 0x1a, 12, 0x0a, 8, 'identity', 0x18, 0);
    const tok = sentencePieceFromModelProto(model, 'hand.model');
    expect(tok.pieces).toEqual([
      { piece: '<unk>', score: 0, type: 'unknown' },
      { piece: '▁a', score: -1.5, type: 'normal' },
    ]);
    expect(tok.normalizer).toEqual({ addDummyPrefix: false, removeExtraWhitespaces: true });
  });

  it('rejects what it cannot encode exactly, naming the file', () => {
    const piece = bytes(0x0a, 3, 0x0a, 1, 'a');
    expect(() => sentencePieceFromModelProto(piece, 'u.model')).toThrow(/u\.model .*only BPE models.*model_type 1/);
    const nfkc = bytes(0x0a, 3, 0x0a, 1, 'a', 0x12, 2, 0x18, 2, 0x1a, 10, 0x0a, 8, 'nmt_nfkc');
    expect(() => sentencePieceFromModelProto(nfkc, 'n.model')).toThrow(/'nmt_nfkc'/);
    expect(() => sentencePieceFromModelProto(bytes(0x0a, 50, 1), 'cut.model')).toThrow(MalformedTokenizerFileError);
    expect(() => sentencePieceFromModelProto(new Uint8Array(0), 'empty.model')).toThrow(/holds no pieces/);
  });

  describe.skipIf(modelPath === undefined)(`llama2.c tok512.model (${SHARED_SKIP_REASON})`, () => {
    // Read in beforeAll: a skipped describe still runs its body.
    let tok: SentencePieceBpeTokenizer;
    beforeAll(() => {
      tok = sentencePieceFromModelProto(new Uint8Array(readFileSync(modelPath!)), 'tok512.model');
    });

    it('holds the same pieces, scores and types as tok512.bin', () => {
      const bin = SentencePieceBpeTokenizer.fromLlama2cBin(new Uint8Array(readFileSync(binPath!)), 'tok512.bin');
      expect(tok.pieces).toEqual(bin.pieces);
      expect(tok.normalizer).toEqual({ addDummyPrefix: true, removeExtraWhitespaces: true });
    });

    it('encodes the 36 golden texts exactly', () => {
      for (const line of readFileSync(goldenPath!, 'utf8').trim().split('\n')) {
        const { text, ids } = JSON.parse(line) as { text: string; ids: number[] };
        expect(tok.encode(text)).toEqual(ids);
      }
    });
  });
});
