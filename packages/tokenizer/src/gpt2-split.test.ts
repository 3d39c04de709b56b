import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GPT2_PATTERN } from './byte-level.js';
import { splitGpt2 } from './gpt2-split.js';

function viaScanner(text: string): string[] {
  const out: string[] = [];
  splitGpt2(text, (s, e) => out.push(text.slice(s, e)));
  return out;
}

function viaRegex(text: string): string[] {
  return Array.from(text.matchAll(new RegExp(GPT2_PATTERN, 'gu')), (m) => m[0]);
}

const TRICKY = [' ', '  ', '\n', '\t', '\u00a0', '\u3000', "'", "'s", "'re", "'ll", "'x", 'a', 'Z', 'é', '😀', '²', '½', '٣', '1', '!', '—', '\ud800', '\udc00', 'ß', '\r\n', 'ab'];

describe('splitGpt2', () => {
  it('splits like the regular expression on examples', () => {
    for (const text of ["I'm  here!", "  two  spaces\nand a newline\n\n", "They're 42 'quoted' ''s!!", 'a \n b', ' x', 'x ', '']) {
      expect(viaScanner(text)).toEqual(viaRegex(text));
    }
  });

  it('splits like the regular expression on arbitrary strings (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (s) => {
        expect(viaScanner(s)).toEqual(viaRegex(s));
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...TRICKY), { maxLength: 30 }), (parts) => {
        const s = parts.join('');
        expect(viaScanner(s)).toEqual(viaRegex(s));
      }),
      { numRuns: 1000 },
    );
  });
});
