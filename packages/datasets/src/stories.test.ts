import { readFileSync } from 'node:fs';
import { sharedPath, SHARED_SKIP_REASON } from '@cotlab/test-utils';
import { describe, expect, it } from 'vitest';
import { splitStories, StorySplitter } from './stories.js';

describe('splitStories', () => {
  it('splits on <|endoftext|> lines, trims, and drops empty stories', () => {
    expect(splitStories('One upon.\nMore.\n<|endoftext|>\n\n<|endoftext|>\n  Two.  \n<|endoftext|>\n')).toEqual(['One upon.\nMore.', 'Two.']);
    expect(splitStories('')).toEqual([]);
    expect(splitStories('no separator')).toEqual(['no separator']);
  });
  it('gives the same stories whatever the chunk boundaries', () => {
    const text = 'A b c.\n<|endoftext|>\nD e.\nF.\n<|endoftext|>\nG';
    for (const size of [1, 2, 5, 13, 100]) {
      const splitter = new StorySplitter();
      const out: string[] = [];
      for (let i = 0; i < text.length; i += size) out.push(...splitter.push(text.slice(i, i + size)));
      out.push(...splitter.end());
      expect(out).toEqual(['A b c.', 'D e.\nF.', 'G']);
    }
  });
  const train = sharedPath('data', 'tinystories', 'train-sample.txt');
  it.skipIf(train === undefined)(`reads the 2,316 stories of the shared train sample ${train === undefined ? `(${SHARED_SKIP_REASON})` : ''}`, () => {
    const stories = splitStories(readFileSync(train!, 'utf8'));
    expect(stories).toHaveLength(2316);
    expect(stories.every((s) => !s.includes('<|endoftext|>'))).toBe(true);
  });
});
