import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CharTokenizer } from './char.js';
import { UnknownIdError, UnknownSymbolError } from './errors.js';

describe('CharTokenizer', () => {
  it('builds from an alphabet in first-seen order, one id per code point', () => {
    const tok = CharTokenizer.fromAlphabet('ab c😀b');
    expect(tok.symbols).toEqual(['a', 'b', ' ', 'c', '😀']);
    expect(tok.encode('c😀a')).toEqual([3, 4, 0]);
    expect(tok.decode([3, 4, 0])).toBe('c😀a');
  });

  it('builds from a corpus, sorted by code point, deterministically', () => {
    const tok = CharTokenizer.fromCorpus(['hello', 'world']);
    expect(tok.symbols).toEqual(['d', 'e', 'h', 'l', 'o', 'r', 'w']);
    expect(CharTokenizer.fromCorpus(['world', 'hello']).symbols).toEqual(tok.symbols);
  });

  it('puts special tokens first and never produces them from text', () => {
    const tok = CharTokenizer.fromAlphabet('01', { specials: { bos: '<s>', pad: '<unk>', unk: '<unk>' } });
    expect(tok.symbols).toEqual(['<s>', '<unk>', '0', '1']);
    expect(tok.specialTokens).toEqual({ bos: 0, pad: 1, unk: 1 });
    expect(tok.encode('102', { allowUnknown: true })).toEqual([3, 2, 1]);
    expect(tok.encode('<', { allowUnknown: true })).toEqual([1]);
  });

  it('names an unknown character and its offset', () => {
    const tok = CharTokenizer.fromAlphabet('ab');
    expect(() => tok.encode('ab😀c')).toThrow(UnknownSymbolError);
    expect(() => tok.encode('ab😀c')).toThrow(/"😀" at position 2/);
    expect(() => tok.encode('a😀c', { allowUnknown: true })).toThrow(/"😀" at position 1/);
    expect(() => tok.decode([2])).toThrow(UnknownIdError);
  });

  it('rejects a special name that is a character of the alphabet', () => {
    expect(() => CharTokenizer.fromAlphabet('ab', { specials: { pad: 'a' } })).toThrow(/specials .*"a"/);
  });

  it('keeps the most frequent characters under maxSize, the rest become unknown', () => {
    const tok = CharTokenizer.fromCorpus(['aaabbbcd', 'ab'], { specials: { unk: '<unk>' }, maxSize: 4 });
    // a (4) and b (4) win; c and d tie at 1, the smaller code point wins.
    expect(tok.symbols).toEqual(['<unk>', 'a', 'b', 'c']);
    expect(tok.encode('abcd', { allowUnknown: true })).toEqual([1, 2, 3, 0]);
    expect(() => CharTokenizer.fromCorpus(['ab'], { maxSize: 4 })).toThrow(/specials\.unk must be set/);
    expect(() => CharTokenizer.fromCorpus(['ab'], { specials: { unk: '<unk>' }, maxSize: 1 })).toThrow(/maxSize must be an integer > 1 \(the number of special tokens\), got 1/);
    expect(CharTokenizer.fromCorpus(['ab'], { specials: { unk: '<unk>' }, maxSize: 10 }).size).toBe(3);
    // Special token names in the corpus (story separators) are not characters of it.
    expect(CharTokenizer.fromCorpus(['ab<|endoftext|>a'], { specials: { eos: '<|endoftext|>' } }).symbols).toEqual(['<|endoftext|>', 'a', 'b']);
  });

  it('round-trips any string over its alphabet (property)', () => {
    const alphabet = 'abc xyz\n😀é';
    const tok = CharTokenizer.fromAlphabet(alphabet);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...Array.from(alphabet)), { maxLength: 40 }), (chars) => {
        const text = chars.join('');
        expect(tok.decode(tok.encode(text))).toBe(text);
      }),
    );
  });
});
