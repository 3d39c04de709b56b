import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BpeTrainer, TrainingAbortedError, trainByteLevelBpe, trainByteLevelBpeSync } from './bpe-train.js';
import { ByteLevelBpeTokenizer } from './byte-level-bpe.js';
import { BYTE_TO_CHAR } from './byte-level.js';
import { TokenizerArgumentError, UnknownIdError } from './errors.js';

const CORPUS = [
  'Once upon a time, there was a little girl named Lily. She liked to play with her ball.',
  '<|endoftext|>',
  'One day, Lily saw a big dog in the park. The dog was happy and wanted to play with Lily too.',
  'Lily and the dog played all day. They were best friends. The end.',
];

describe('byte-level BPE training', () => {
  it('reaches the target size with merges of the most frequent pairs, special tokens first', () => {
    const tok = trainByteLevelBpeSync(CORPUS, { vocabSize: 300, minFrequency: 1 });
    expect(tok.size).toBe(300);
    expect(tok.vocab[0]).toBe('<|endoftext|>');
    expect(tok.specialTokens).toEqual({ bos: 0, eos: 0 });
    expect(tok.vocab.slice(1, 257)).toEqual(BYTE_TO_CHAR);
    // "Ġ" + letter pairs and "ay"/"Ġthe" are what this corpus repeats most.
    expect(tok.merges.length).toBe(43);
    expect(tok.vocab).toContain('ĠLily');
    expect(tok.encode('Lily').length).toBeLessThan(4);
  });

  it('never learns merges across special tokens, and encodes them as one id', () => {
    const tok = trainByteLevelBpeSync(['ab<|endoftext|>ab<|endoftext|>ab'], { vocabSize: 270, minFrequency: 1 });
    expect(tok.vocab.some((s) => s.includes('<|') && s !== '<|endoftext|>')).toBe(false);
    expect(tok.encode('ab<|endoftext|>ab')).toEqual([tok.idOf('ab'), 0, tok.idOf('ab')]);
  });

  it('is deterministic: the same corpus gives the same vocabulary, however it is chunked', async () => {
    const a = trainByteLevelBpeSync(CORPUS, { vocabSize: 320, minFrequency: 1 });
    const b = await trainByteLevelBpe(
      (async function* () {
        for (const t of CORPUS) yield await Promise.resolve(t);
      })(),
      { vocabSize: 320, minFrequency: 1 },
    );
    expect(b.vocab).toEqual(a.vocab);
    expect(b.merges).toEqual(a.merges);
  });

  it('counts pairs correctly through overlapping repeats (aaaa…)', () => {
    // Every merge count must stay consistent: "aaaa" → "aa aa" → "aaaa".
    const tok = trainByteLevelBpeSync(['aaaa aaaa aaaaaaaa'], { vocabSize: 262, specials: {}, minFrequency: 1 });
    expect(tok.merges.slice(0, 2)).toEqual([['a', 'a'], ['aa', 'aa']]);
    expect(tok.encode('aaaa')).toEqual([tok.idOf('aaaa')]);
  });

  it('stops early when no pair reaches minFrequency', () => {
    const tok = trainByteLevelBpeSync(['abcdef'], { vocabSize: 400, minFrequency: 2 });
    expect(tok.size).toBe(257);
  });

  it('rejects bad options before reading any text', () => {
    let read = false;
    const texts = {
      *[Symbol.iterator]() {
        read = true;
        yield 'x';
      },
    };
    expect(() => trainByteLevelBpeSync(texts, { vocabSize: 100 })).toThrow(TokenizerArgumentError);
    expect(() => trainByteLevelBpeSync(texts, { vocabSize: 100 })).toThrow(/vocabSize must be an integer in \[257, .*got 100/);
    expect(() => new BpeTrainer({ vocabSize: 300, minFrequency: 0 })).toThrow(/minFrequency/);
    expect(() => new BpeTrainer({ vocabSize: 300, specials: { pad: 'a' } })).toThrow(/specials/);
    expect(read).toBe(false);
  });

  it('stops at a safe point when aborted, and reports progress', async () => {
    const controller = new AbortController();
    const phases: string[] = [];
    await expect(
      trainByteLevelBpe(
        (function* () {
          yield 'aa bb';
          controller.abort();
          yield 'cc dd';
        })(),
        { vocabSize: 300, signal: controller.signal, onProgress: (p) => phases.push(p.phase) },
      ),
    ).rejects.toThrow(TrainingAbortedError);
    const seen: string[] = [];
    await trainByteLevelBpe(CORPUS, { vocabSize: 280, minFrequency: 1, onProgress: (p) => seen.push(`${p.phase}:${p.done}/${p.total}`) });
    expect(seen.at(-1)).toBe('merge:23/23');
    expect(seen.some((s) => s.startsWith('count:'))).toBe(true);
  });
});

describe('ByteLevelBpeTokenizer', () => {
  const tok = trainByteLevelBpeSync(CORPUS, { vocabSize: 350, minFrequency: 1 });

  it('round-trips any well-formed Unicode string (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (s) => {
        expect(tok.decode(tok.encode(s))).toBe(s);
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (s) => {
        expect(tok.decode(tok.encode(s))).toBe(s);
      }),
      { numRuns: 300 },
    );
  });

  it('encodes every byte, even a lone surrogate (as U+FFFD, like TextEncoder)', () => {
    expect(tok.decode(tok.encode('a\uD800b'))).toBe('a\uFFFDb');
    expect(tok.encode('')).toEqual([]);
  });

  it('names bad ids', () => {
    expect(() => tok.decode([0, 350])).toThrow(UnknownIdError);
    expect(() => tok.decode([0, 350])).toThrow(/id 350 at position 1/);
    expect(() => tok.symbolOf(-1)).toThrow(/id -1/);
  });

  it('validates a hand-built vocabulary', () => {
    const vocab = [...BYTE_TO_CHAR];
    expect(() => new ByteLevelBpeTokenizer({ vocab, merges: [['a', 'b']] })).toThrow(/merges\[0\] .*"a" \+ "b"/);
    expect(() => new ByteLevelBpeTokenizer({ vocab: vocab.slice(1), merges: [] })).toThrow(/all 256 byte tokens/);
    expect(() => new ByteLevelBpeTokenizer({ vocab: [...vocab, 'ab', 'ab'], merges: [] })).toThrow(/vocab\[257\] must be distinct/);
    expect(new ByteLevelBpeTokenizer({ vocab: [...vocab, 'ab'], merges: [['a', 'b']] }).encode('abc')).toEqual([256, 99]);
  });
});
