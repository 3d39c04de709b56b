import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TokenizerArgumentError, UnknownIdError, UnknownSymbolError } from './errors.js';
import { WordLevelTokenizer } from './word-level.js';

const tok = WordLevelTokenizer.fromSymbols(['<unk>', '<s>', 'a', 'b', 'cd'], { unk: '<unk>', bos: '<s>' });

describe('WordLevelTokenizer', () => {
  it('encodes whitespace-separated words to their indices and decodes with single spaces', () => {
    expect(tok.encode('  <s> a\tcd\n b ')).toEqual([1, 2, 4, 3]);
    expect(tok.decode([1, 2, 4, 3])).toBe('<s> a cd b');
    expect(tok.encode('')).toEqual([]);
    expect(tok.size).toBe(5);
    expect(tok.specialTokens).toEqual({ bos: 1, unk: 0 });
  });

  it('names an unknown word and its position, or maps it to UNK when allowed', () => {
    expect(() => tok.encode('a b zz a')).toThrow(UnknownSymbolError);
    expect(() => tok.encode('a b zz a')).toThrow(/"zz" at position 2/);
    expect(tok.encode('a zz', { allowUnknown: true })).toEqual([2, 0]);
    const noUnk = WordLevelTokenizer.fromSymbols(['a']);
    expect(() => noUnk.encode('b', { allowUnknown: true })).toThrow(/"b" at position 0/);
  });

  it('maps symbol arrays without splitting', () => {
    expect(Array.from(tok.encodeSymbols(['cd', 'a']))).toEqual([4, 2]);
    expect(tok.encodeSymbols([])).toBeInstanceOf(Int32Array);
    expect(tok.decodeSymbols(new Int32Array([4, 2]))).toEqual(['cd', 'a']);
    expect(() => tok.encodeSymbols(['a', 'a b'])).toThrow(/"a b" at position 1/);
  });

  it('rejects ids outside the vocabulary, naming id and position', () => {
    expect(() => tok.decode([0, 5])).toThrow(UnknownIdError);
    expect(() => tok.decode([0, 5])).toThrow(/id 5 at position 1 .*\[0, 4\]/);
    expect(() => tok.decode([1.5])).toThrow(/id 1.5/);
    expect(() => tok.decode([-1])).toThrow(/id -1/);
    expect(() => tok.symbolOf(99)).toThrow(UnknownIdError);
  });

  it('looks up single symbols', () => {
    expect(tok.idOf('cd')).toBe(4);
    expect(tok.symbolOf(4)).toBe('cd');
    expect(() => tok.idOf('x')).toThrow(/unknown symbol "x"/);
  });

  it('validates its symbol list before building', () => {
    expect(() => WordLevelTokenizer.fromSymbols(['a', 'b', 'a'])).toThrow(/symbols\[2\] must be distinct.*symbols\[0\]/);
    expect(() => WordLevelTokenizer.fromSymbols(['a', 'b c'])).toThrow(TokenizerArgumentError);
    expect(() => WordLevelTokenizer.fromSymbols(['a', ''])).toThrow(/symbols\[1\]/);
    expect(() => WordLevelTokenizer.fromSymbols(['a'], { bos: '<s>' })).toThrow(/specials.bos must be one of the symbols, got "<s>"/);
  });

  it('writes a Hugging Face WordLevel tokenizer.json', () => {
    const json = tok.toJSON() as { model: { type: string; vocab: Record<string, number>; unk_token: string }; added_tokens: { id: number; content: string }[] };
    expect(json.model.type).toBe('WordLevel');
    expect(json.model.vocab).toEqual({ '<unk>': 0, '<s>': 1, a: 2, b: 3, cd: 4 });
    expect(json.model.unk_token).toBe('<unk>');
    expect(json.added_tokens.map((t) => [t.id, t.content])).toEqual([[0, '<unk>'], [1, '<s>']]);
  });

  it('round-trips any sequence of its symbols (property)', () => {
    const symbols = ['[UNK]', '[BOS]', '0', '1', 'x', '=', '4x8', 'é', '😀', 'a-b'];
    const t = WordLevelTokenizer.fromSymbols(symbols, { unk: '[UNK]' });
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: symbols.length - 1 }), { maxLength: 50 }), (ids) => {
        expect(t.encode(t.decode(ids))).toEqual(ids);
        expect(t.decodeSymbols(t.encodeSymbols(ids.map((i) => symbols[i]!)))).toEqual(ids.map((i) => symbols[i]));
      }),
    );
  });
});
