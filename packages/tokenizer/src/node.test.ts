import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SHARED_SKIP_REASON, sharedPath } from '@cotlab/test-utils';
import { describe, expect, it } from 'vitest';
import { trainByteLevelBpeSync } from './bpe-train.js';
import { MalformedTokenizerFileError } from './errors.js';
import { malachProductTokenizer } from './malach-product.js';
import { charTokenizerFromFiles, loadTokenizer, readTextChunks, saveTokenizer, saveTokenizerDir, TokenizerFileError, trainByteLevelBpeFromFiles } from './node.js';
import { safeCut } from './text-chunks.js';

const dir = mkdtempSync(join(tmpdir(), 'cotlab-tokenizer-'));
const tok512 = sharedPath('data', 'tokenizers', 'tok512.bin');

describe('@cotlab/tokenizer/node', () => {
  it('loads the named tokenizers', async () => {
    expect((await loadTokenizer('malach-product')).size).toBe(117);
    await expect(loadTokenizer('')).rejects.toThrow(/spec must be/);
    await expect(loadTokenizer(join(dir, 'missing.json'))).rejects.toThrow(TokenizerFileError);
    await expect(loadTokenizer(join(dir, 'missing.json'))).rejects.toThrow(/missing\.json/);
  });

  it('saves atomically and loads back the same tokenizer', async () => {
    const tok = trainByteLevelBpeSync(['the cat sat on the mat with the hat'], { vocabSize: 280, minFrequency: 1 });
    const path = join(dir, 'tok.json');
    await saveTokenizer(tok, path);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const back = await loadTokenizer(path);
    expect(back.encode('the cat and the hat')).toEqual(tok.encode('the cat and the hat'));
  });

  it('writes a Hugging Face tokenizer directory that keeps special-token roles', async () => {
    const out = join(dir, 'malach-dir');
    await saveTokenizerDir(malachProductTokenizer(), out);
    expect(JSON.parse(readFileSync(join(out, 'tokenizer_config.json'), 'utf8'))).toEqual({
      tokenizer_class: 'PreTrainedTokenizerFast',
      bos_token: '[BOS]',
      pad_token: '[UNK]',
      unk_token: '[UNK]',
    });
    // The padding role survives only through tokenizer_config.json.
    expect((await loadTokenizer(out)).specialTokens).toEqual({ bos: 1, pad: 0, unk: 0 });
    expect((await loadTokenizer(join(out, 'tokenizer.json'))).specialTokens).toEqual({ bos: 1, pad: 0, unk: 0 });
    const bare = join(dir, 'malach.json');
    await saveTokenizer(malachProductTokenizer(), bare);
    expect((await loadTokenizer(bare)).specialTokens).toEqual({ bos: 1, unk: 0 });
  });

  it('names the file when it is not a tokenizer', async () => {
    const path = join(dir, 'bad.json');
    writeFileSync(path, '{ not json');
    await expect(loadTokenizer(path)).rejects.toThrow(MalformedTokenizerFileError);
    await expect(loadTokenizer(path)).rejects.toThrow(/bad\.json is not a valid tokenizer file: it is not JSON/);
  });

  it('cuts text only where pre-tokenisation is unaffected', () => {
    expect(safeCut('ab\n\ncd\nef')).toBe(7);
    expect(safeCut('ab \ncd')).toBe(-1);
    expect(safeCut('abc')).toBe(-1);
  });

  it('trains from files exactly as from the same text in memory, streaming in chunks', async () => {
    const story = 'Once upon a time, a cat sat.\nThe cat was happy!\n\n  It ran.\n<|endoftext|>\n';
    const a = join(dir, 'a.txt');
    const b = join(dir, 'b.txt');
    writeFileSync(a, story.repeat(20_000)); // ~1.5 MB: several read chunks
    writeFileSync(b, 'Héllo wörld 😀\n'.repeat(100));
    const chunks: string[] = [];
    for await (const c of readTextChunks([a])) chunks.push(c);
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.join('')).toBe(readFileSync(a, 'utf8'));
    const progress: string[] = [];
    const fromFiles = await trainByteLevelBpeFromFiles([a, b], { vocabSize: 300, onProgress: (p) => progress.push(p.phase) });
    const inMemory = trainByteLevelBpeSync([readFileSync(a, 'utf8'), readFileSync(b, 'utf8')], { vocabSize: 300 });
    expect(fromFiles.merges).toEqual(inMemory.merges);
    expect(progress).toContain('count');
    expect(progress.at(-1)).toBe('merge');
    await expect(trainByteLevelBpeFromFiles([a, join(dir, 'nope.txt')], { vocabSize: 300 })).rejects.toThrow(/nope\.txt/);
  });

  it('builds a character tokenizer from files, capped to the most frequent characters', async () => {
    const a = join(dir, 'chars.txt');
    writeFileSync(a, 'aaaa bbb cc d😀\n'.repeat(10_000));
    const all = await charTokenizerFromFiles([a]);
    expect(all.symbols).toEqual(['\n', ' ', 'a', 'b', 'c', 'd', '😀']);
    const capped = await charTokenizerFromFiles([a], { specials: { unk: '<unk>' }, maxSize: 4 });
    expect(capped.symbols).toEqual(['<unk>', ' ', 'a', 'b']);
    await expect(charTokenizerFromFiles([a], { maxSize: 4 })).rejects.toThrow(/specials\.unk/);
    await expect(trainByteLevelBpeFromFiles([join(dir, 'nope.txt')], { vocabSize: 3 })).rejects.toThrow(/vocabSize/);
  });

  describe.skipIf(tok512 === undefined)(`llama2c (${SHARED_SKIP_REASON})`, () => {
    it('loads llama2c:PATH and a .bin path', async () => {
      const a = await loadTokenizer(`llama2c:${tok512!}`);
      const b = await loadTokenizer(tok512!);
      expect(a.encode('Once upon a time')).toEqual([403, 407, 261, 378]);
      expect(b.size).toBe(512);
      const c = await loadTokenizer(tok512!.replace(/\.bin$/, '.model'));
      expect(c.encode('Once upon a time')).toEqual([403, 407, 261, 378]);
      const path = join(dir, 'tok512.json');
      await saveTokenizer(a, path);
      expect((await loadTokenizer(path)).encode('Once upon a time, Lily!')).toEqual(a.encode('Once upon a time, Lily!'));
    });
  });
});
