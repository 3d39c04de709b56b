import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseReport } from '../report.js';
import { runSweep } from '../sweep/run-sweep.js';
import { sampleReport } from '../testing/sample-report.js';
import { directorySweepStore } from './sweep-store.js';
import { writeReport } from './write-report.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cotlab-evaluator-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('writeReport', () => {
  it('writes JSON, Markdown and the plots, and nothing temporary', async () => {
    const files = await writeReport(dir, await sampleReport());
    expect((await readdir(dir)).sort()).toEqual(['first-error.svg', 'position-accuracy.svg', 'report.json', 'report.md', 'training-curve.svg']);
    const report = parseReport(JSON.parse(await readFile(files.json, 'utf8')));
    expect(report.plots).toEqual({ 'training-curve': 'training-curve.svg', 'position-accuracy': 'position-accuracy.svg', 'first-error': 'first-error.svg' });
    expect(await readFile(files.markdown, 'utf8')).toContain('![teacher-forced accuracy by sequence position](position-accuracy.svg)');
  });
});

describe('directorySweepStore', () => {
  it('keeps finished cells on disk so a second sweep reads them back', async () => {
    const axes = { format: ['a', 'b'] };
    let runs = 0;
    const run = () => {
      runs++;
      return Promise.resolve({ exactMatch: 0.5 });
    };
    await runSweep({ axes, run, store: directorySweepStore(dir) });
    const table = await runSweep({ axes, run, store: directorySweepStore(dir) });
    expect(runs).toBe(2);
    expect(table.rows.map((r) => r.metrics['exactMatch'])).toEqual([0.5, 0.5]);
    expect((await readdir(join(dir, 'cells'))).sort()).toEqual(['format-a.json', 'format-b.json']);
  });
});
