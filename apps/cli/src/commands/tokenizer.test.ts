import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { CommandContext, CommandSpec } from '../command.js';
import { tokenizerCommand } from './tokenizer.js';

function command(name: string): CommandSpec {
  const spec = tokenizerCommand.commands.find((c) => c.name === name);
  if (spec === undefined) throw new Error(`no command tokenizer ${name}`);
  return spec;
}

async function run(name: string, values: CommandContext['values'], positionals: string[]): Promise<{ code: number | undefined; out: string; err: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d: Buffer) => (out += d.toString()));
  stderr.on('data', (d: Buffer) => (err += d.toString()));
  const code = await command(name).run({ values, positionals, stdout, stderr, signal: new AbortController().signal });
  return { code, out, err };
}

describe('cotlab tokenizer', () => {
  it('encodes and decodes with the paper vocabulary', async () => {
    expect((await run('encode', { tokenizer: 'malach-product' }, ['[BOS] 1 2 x 3 4 = 4x8'])).out).toBe('1 3 4 15 5 6 16 65\n');
    const json = JSON.parse((await run('encode', { tokenizer: 'malach-product', json: true }, ['[BOS] 4x8'])).out) as unknown;
    expect(json).toEqual({ ids: [1, 65], tokens: ['[BOS]', '4x8'] });
    expect((await run('decode', { tokenizer: 'malach-product' }, ['1, 3 ,4'])).out).toBe('[BOS] 1 2\n');
    expect((await run('decode', { tokenizer: 'malach-product', json: true }, ['[1,65]'])).out).toBe('"[BOS] 4x8"\n');
  });

  it('fails on unknown symbols and bad ids, naming them', async () => {
    await expect(run('encode', { tokenizer: 'malach-product' }, ['1 y'])).rejects.toThrow(/"y" at position 1/);
    await expect(run('decode', { tokenizer: 'malach-product' }, ['1 x'])).rejects.toThrow(/entry 1 is 'x'/);
    await expect(run('decode', { tokenizer: 'malach-product' }, ['999'])).rejects.toThrow(/id 999/);
    await expect(run('encode', {}, ['1'])).rejects.toThrow(/--tokenizer is required/);
  });

  it('trains a tokenizer.json that encode and decode then read', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cotlab-cli-tok-'));
    const corpus = join(dir, 'corpus.txt');
    writeFileSync(corpus, 'the cat sat on the mat.\nthe dog sat on the log.\n'.repeat(50));
    const out = join(dir, 'tok.json');
    const trained = await run('train', { 'vocab-size': '280', out, 'min-frequency': '2' }, [corpus]);
    expect(trained.out).toMatch(/wrote .*tok\.json: \d+ tokens/);
    expect((JSON.parse(readFileSync(out, 'utf8')) as { model: { type: string } }).model.type).toBe('BPE');
    const ids = (await run('encode', { tokenizer: out }, ['the cat sat'])).out.trim();
    expect(ids.split(' ').length).toBeLessThan('the cat sat'.length);
    expect((await run('decode', { tokenizer: out }, [ids])).out).toBe('the cat sat\n');
    const info = JSON.parse((await run('info', { tokenizer: out, json: true }, [])).out) as { kind: string; specialTokens: unknown };
    expect(info.kind).toBe('byte-level-bpe');
    expect(info.specialTokens).toEqual({ bos: { id: 0, token: '<|endoftext|>' }, eos: { id: 0, token: '<|endoftext|>' } });
    await expect(run('train', { 'vocab-size': '280' }, [corpus])).rejects.toThrow(/--out FILE is required/);
    const asDir = join(dir, 'tok-dir/');
    await run('train', { 'vocab-size': '280', out: asDir }, [corpus]);
    expect(JSON.parse(readFileSync(join(asDir, 'tokenizer_config.json'), 'utf8'))).toMatchObject({ bos_token: '<|endoftext|>' });
    expect((await run('encode', { tokenizer: asDir }, ['the cat sat'])).out.trim()).toBe(ids);
    const chars = join(dir, 'chars.json');
    expect((await run('train', { type: 'char', out: chars }, [corpus])).out).toMatch(/wrote .*chars\.json: 16 tokens/);
    expect((await run('encode', { tokenizer: chars }, ['cat'])).out).toBe('5 4 15\n');
  });
});
