import { describe, expect, it } from 'vitest';
import { parseReport } from '../report.js';
import { sampleReport } from '../testing/sample-report.js';
import { renderReportMarkdown } from './report-markdown.js';

describe('renderReportMarkdown', () => {
  it('puts the headline numbers next to chance, links plots and lists hardest positions', async () => {
    const md = renderReportMarkdown(await sampleReport());
    expect(md).toMatch(/^# one-digit addition\n/);
    expect(md).toContain('90 of 100 held-out (test) examples exactly right.');
    expect(md).toMatch(/\| exact match \(greedy rollout\) \| 90\.0% \| \d+\.\d\d% \|/);
    expect(md).toContain('![training loss by step](training-curve.svg)');
    expect(md).toContain('![histogram of the first wrong token](first-error.svg)');
    expect(md).not.toContain('position-accuracy.svg');
    expect(md).toMatch(/\| 7 \| 90\.0% \|/);
    expect(md).toContain('Most frequent first errors (continuation index: rollouts): 3: 10.');
  });
});

describe('parseReport', () => {
  it('accepts a report that went through JSON and names the first bad field', async () => {
    const report = await sampleReport();
    expect(parseReport(JSON.parse(JSON.stringify(report)))).toEqual(report);
    expect(() => parseReport({ ...report, schema: 'x' })).toThrow(/report field 'schema' must be 'cotlab.report\/1', got "x"/);
    const broken = JSON.parse(JSON.stringify(report)) as { evaluation: { answers: Record<string, unknown> } };
    delete broken.evaluation.answers['exactMatch'];
    expect(() => parseReport(broken)).toThrow(/'evaluation.answers.exactMatch' must be a number/);
  });
});
