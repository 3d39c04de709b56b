import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { initBackend } from '@cotlab/models';
import { beforeAll, describe, expect, it } from 'vitest';
import { TINYSTORIES_PRESET_CONFIGS, type TinyStoriesPreset } from './presets.js';
import { TINYSTORIES_REPORT_SCHEMA } from './report.js';
import { reproduceTinyStories } from './run.js';
import { writeTinyStoriesReport } from './write.js';

/** Small made-up stories with a strong pattern, so even a few steps learn something. */
function stories(count: number, offset: number): string {
  const names = ['Tom', 'Lily', 'Sam', 'Mia'];
  const things = ['ball', 'cat', 'tree', 'box'];
  return Array.from({ length: count }, (_, i) => {
    const n = names[(i + offset) % 4]!;
    const t = things[(i * 3 + offset) % 4]!;
    return `${n} had a red ${t}. ${n} liked the ${t} a lot. The end.\n<|endoftext|>\n`;
  }).join('');
}

const tiny: TinyStoriesPreset = {
  ...TINYSTORIES_PRESET_CONFIGS.quick,
  tokenizer: 'bpe-300',
  models: [{ kind: 'linear', vocabSize: 300, contextLength: 16, dim: 8 }],
  contextLength: 16,
  budgetSecondsPerModel: 1,
  batchSize: 16,
  lr: 1e-2,
  baselineOrders: [1, 2],
  evalTokens: 2_000,
  stories: 2,
  maxStoryTokens: 12,
};

describe('reproduceTinyStories', () => {
  beforeAll(async () => {
    await initBackend('cpu');
  });
  it('trains baselines and a linear model on local files and writes a complete report', async () => {
    const data = mkdtempSync(join(tmpdir(), 'cotlab-ts-data-'));
    writeFileSync(join(data, 'train.txt'), stories(300, 0));
    writeFileSync(join(data, 'valid.txt'), stories(40, 1));
    const outDir = mkdtempSync(join(tmpdir(), 'cotlab-ts-out-'));
    const stages: string[] = [];
    const report = await reproduceTinyStories({ preset: tiny, outDir, backend: 'cpu', data, seed: 1, onStage: (s) => stages.push(s) });
    expect(report.schema).toBe(TINYSTORIES_REPORT_SCHEMA);
    expect(report.baselines.map((b) => b.name)).toEqual(['unigram', 'bigram']);
    // The bigram fits this patterned text far better than the unigram.
    expect(report.baselines[1]!.bitsPerByte).toBeLessThan(report.baselines[0]!.bitsPerByte * 0.8);
    const [linear] = report.models;
    expect(linear?.config.kind).toBe('linear');
    expect(linear!.steps).toBeGreaterThanOrEqual(10);
    expect(Number.isFinite(linear!.bitsPerByte)).toBe(true);
    // Training lowered the loss from its start at ln V ≈ 5.7 nats.
    expect(linear!.curve.at(-1)!.loss).toBeLessThan(linear!.curve[0]!.loss);
    expect(linear!.stories).toHaveLength(2);
    expect(linear!.stories[0]!.text.startsWith('Once upon a time')).toBe(true);
    expect(report.goal.linearBeatsBestBaseline).not.toBeNull();
    expect(stages.some((s) => s.startsWith('data: local files'))).toBe(true);
    const files = await writeTinyStoriesReport(report, outDir);
    expect(files.map((f) => f.split('/').at(-1))).toEqual(['report.json', 'report.md', 'bits-per-byte.svg', 'training-loss.svg']);
    expect(readFileSync(join(outDir, 'report.md'), 'utf8')).toMatch(/bits\/byte/);
    expect(readFileSync(join(outDir, 'bits-per-byte.svg'), 'utf8')).toMatch(/^<svg/);
  });
  it('rejects a data path that does not exist, before any work', async () => {
    await expect(reproduceTinyStories({ preset: tiny, outDir: tmpdir(), backend: 'cpu', data: '/nonexistent/tinystories' })).rejects.toThrow(/data path '\/nonexistent\/tinystories' does not exist/);
  });
  it('says what to do when there is no local data and the hub cannot be reached', async () => {
    const unreachable = (): Promise<Response> => Promise.reject(new TypeError('fetch failed'));
    const original = globalThis.fetch;
    globalThis.fetch = unreachable;
    try {
      await expect(reproduceTinyStories({ preset: tiny, outDir: tmpdir(), backend: 'cpu' })).rejects.toThrow(/cannot be reached .*pass --data DIR .* or --shared DIR/);
    } finally {
      globalThis.fetch = original;
    }
  });
  it('stops the paper preset on WebAssembly before allocating, stating the memory it needs', async () => {
    await expect(reproduceTinyStories({ preset: TINYSTORIES_PRESET_CONFIGS.paper, outDir: tmpdir(), backend: 'wasm' })).rejects.toThrow(/needs about [\d.]+ GiB of memory, but the 'wasm' backend can hold 4\.0 GiB/);
  });
});
