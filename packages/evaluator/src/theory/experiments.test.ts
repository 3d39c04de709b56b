import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { initBackend } from '@cotlab/models';
import { beforeAll, describe, expect, it } from 'vitest';
import { memorySweepStore } from '../sweep/run-sweep.js';
import { runParityExperiment } from './experiments.js';
import { LEARN_DEFAULTS } from './learn-task.js';
import { renderTheoryMarkdown } from './render.js';
import { writeTheoryReport } from './write.js';

describe('parity experiment at a tiny size', () => {
  beforeAll(async () => {
    await initBackend('wasm');
  });

  it('checks the compiled construction, runs every cell, resumes from its store and writes JSON, Markdown and SVG', async () => {
    const store = memorySweepStore();
    const recipe = { ...LEARN_DEFAULTS, dim: 8, steps: 40, batchSize: 16, lr: 1e-2, trainCount: 12, testCount: 4 };
    const options = { bits: [4], formats: ['none', 'count-log'], models: ['linear'] as const, seeds: [0], recipe, store };
    const events: string[] = [];
    const report = await runParityExperiment({ ...options, onProgress: (e) => events.push(e.kind === 'cell' ? e.progress.event : e.kind) });
    expect(report.compiled).toEqual([expect.objectContaining({ target: 'parity (count-log)', n: 4, checked: 16, failures: 0, exhaustive: true })]);
    expect(report.cells.map((c) => [c.cell['format'], c.status])).toEqual([['none', 'done'], ['count-log', 'done']]);
    expect(report.summary.map((s) => [s.format, s.cotLength])).toEqual([['none', 1], ['count-log', 5]]);
    expect(events.filter((e) => e === 'done')).toHaveLength(2);
    const again = await runParityExperiment({ ...options, onProgress: (e) => events.push(e.kind === 'cell' ? e.progress.event : e.kind) });
    expect(events.filter((e) => e === 'resumed')).toHaveLength(2);
    expect(again.cells).toEqual(report.cells);
    // a resumed run reports the time its cells took when they ran, not just the re-render
    expect(again.seconds).toBeGreaterThanOrEqual(again.cells.reduce((sum, c) => sum + c.seconds, 0));
    expect(renderTheoryMarkdown(report)).toMatch(/\| parity \(count-log\) \| 4 \| 3 \|/);
    const dir = mkdtempSync(join(tmpdir(), 'theory-'));
    try {
      const files = await writeTheoryReport(report, dir);
      for (const f of files) expect(existsSync(f)).toBe(true);
      expect(JSON.parse(readFileSync(files[0]!, 'utf8'))).toMatchObject({ schema: 'cotlab-theory-report/1', experiment: 'parity' });
      expect(readFileSync(files[2]!, 'utf8')).toMatch(/^<svg/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('rejects an unknown format before any work', async () => {
    await expect(runParityExperiment({ bits: [4], formats: ['bogus'] })).rejects.toThrow(/format/);
  });
});
