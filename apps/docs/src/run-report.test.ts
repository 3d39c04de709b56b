import type { RunReport } from '@cotlab/evaluator';
import { describe, expect, it } from 'vitest';
import { renderExperimentPage } from './results.js';
import { runReportRenderer } from './run-report.js';

const report: RunReport = {
  schema: 'cotlab.report/1',
  title: 'Multiplication 2×2, quick preset',
  command: 'cotlab reproduce multiplication --preset quick',
  createdAt: '2026-11-26T18:00:00.000Z',
  preset: 'quick',
  task: { name: 'multiplication', params: { digits: '2x2' }, format: 'stepwise', split: 'hash' },
  model: { config: { kind: 'mlp', vocabSize: 20, contextLength: 40, dim: 16 }, parameterCount: 123_456 },
  training: { steps: 10, batchSize: 4, sequences: 40, seconds: 2, lr: 0.001, weightDecay: 0.1, finalLoss: 0.5, stoppedEarly: false, curve: [{ step: 1, loss: 2 }, { step: 10, loss: 0.5 }] },
  evaluation: {
    split: 'test',
    seconds: 1,
    count: 100,
    answers: { count: 100, exactMatchCount: 97, exactMatch: 0.97, malformedCount: 0, digitAccuracy: 0.99, digitAccuracyByPosition: [1, 0.98] },
    chance: { exactMatch: 0.01, digitAccuracy: 0.2, majorityAnswer: ['1', '0'] },
    firstError: { noError: 97, counts: [0, 3], length: 12 },
    teacherForced: null,
    samples: [],
  },
  plots: { 'training-curve': 'training-curve.svg', 'first-error': 'first-error.svg' },
};

describe('runReportRenderer', () => {
  const existing = new Set(['apps/docs/results/multiplication/quick/training-curve.svg']);
  const render = runReportRenderer((p) => existing.has(p));

  it("renders cotlab.report/1 JSON with the evaluator's renderer, plots pointing at committed SVGs", () => {
    const out = render({ file: 'quick/report.json', json: report }, 'multiplication');
    expect(out).toBeDefined();
    expect(out!.markdown).toContain('### Multiplication 2×2, quick preset');
    expect(out!.markdown).toContain('97 of 100 held-out (test) examples exactly right.');
    expect(out!.markdown).toContain('![training loss by step](./multiplication/quick/training-curve.svg)');
    // A plot the report names but nobody committed is named, not linked (no dead link, no broken image).
    expect(out!.markdown).toContain('`apps/docs/results/multiplication/quick/first-error.svg`');
    expect(out!.images).toEqual(['quick/training-curve.svg']);
  });

  it('leaves other JSON to the generic rendering, and the page does not repeat shown plots', () => {
    expect(render({ file: 'formats.json', json: { table: [] } }, 'multiplication')).toBeUndefined();
    const page = renderExperimentPage(
      { name: 'multiplication', reports: [{ file: 'quick/report.json', json: report }], images: ['quick/training-curve.svg', 'formats.svg'], markdown: ['quick/report.md'] },
      undefined,
      render,
    );
    expect(page.match(/training-curve\.svg\)/g)).toHaveLength(1);
    expect(page).toContain('![formats.svg](./multiplication/formats.svg)');
  });
});
