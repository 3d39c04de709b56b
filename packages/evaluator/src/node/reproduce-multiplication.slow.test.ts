import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../report.js';
import { resolvePreset } from '../reproduce/presets.js';
import { reproduceMultiplication, type ReproduceEvent } from './reproduce-multiplication.js';

/** What a tiny run must reach: far above chance (≈ 0% exact match for 2×2 products). */
const TINY_EXACT_MATCH = 0.5;

describe('reproduceMultiplication end to end (slow)', () => {
  it('trains a tiny 2×2 stepwise MLP, scores held-out pairs far above chance and writes a complete report', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cotlab-reproduce-'));
    try {
      const preset = resolvePreset('quick', { train: { steps: 500 }, eval: { n: 200 } });
      const stages = new Set<string>();
      const { report, files } = await reproduceMultiplication({
        preset, outDir: dir, command: 'test', onProgress: (e: ReproduceEvent) => stages.add(e.stage),
      });
      expect([...stages]).toEqual(['setup', 'train', 'evaluate', 'report']);
      const ev = report.evaluation;
      expect(ev.count).toBe(200);
      expect(ev.answers.exactMatch).toBeGreaterThanOrEqual(TINY_EXACT_MATCH);
      expect(ev.chance.exactMatch).toBeLessThan(0.05);
      expect(ev.answers.digitAccuracy).toBeGreaterThan(ev.chance.digitAccuracy);
      expect(report.training?.steps).toBe(500);
      expect(report.training?.curve.length).toBeGreaterThan(10);
      expect(report.training?.curve.some((p) => p.evalLoss !== undefined)).toBe(true);
      // the loss falls
      const curve = report.training!.curve;
      expect(curve.at(-1)!.loss).toBeLessThan(curve[0]!.loss / 2);
      expect((await readdir(dir)).sort()).toEqual(['checkpoint', 'first-error.svg', 'position-accuracy.svg', 'report.json', 'report.md', 'training-curve.svg']);
      const json = parseReport(JSON.parse(await readFile(files.json, 'utf8')));
      expect(json.evaluation.answers.exactMatch).toBe(ev.answers.exactMatch);
      expect(json.model.config).toMatchObject({ kind: 'mlp', dim: 16, contextLength: 46 });
      expect(await readFile(files.markdown, 'utf8')).toContain(`${ev.answers.exactMatchCount} of 200 held-out (test) examples exactly right.`);
      expect((await readdir(join(dir, 'checkpoint'))).sort()).toEqual(expect.arrayContaining(['config.json', 'model.safetensors']));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 600_000);
});
