import { describe, expect, it } from 'vitest';
import { formatValue, KNOWN_EXPERIMENTS, renderExperimentPage, renderHeadlines, renderReport, renderResultsIndex } from './results.js';

describe('renderReport', () => {
  const report = {
    title: 'Multiplication, quick preset',
    command: 'cotlab reproduce multiplication --preset quick',
    machine: { cpus: 2, node: 'v20.19.0' },
    metrics: { exactMatch: 0.9634567, chance: 0.0001 },
    curve: [3.2, 2.1, 0.5],
    table: [
      { format: 'malach', model: 'mlp', exactMatch: 0.5 },
      { format: 'stepwise', model: 'linear', exactMatch: 0.99 },
    ],
  };
  const md = renderReport('quick/report.json', report);

  it('shows the title, the command and every scalar, nested ones as dotted keys', () => {
    expect(md).toContain('### Multiplication, quick preset');
    expect(md).toContain('```sh\ncotlab reproduce multiplication --preset quick\n```');
    expect(md).toContain('| machine.cpus | 2 |');
    expect(md).toContain('| metrics.exactMatch | 0.9635 |');
  });

  it('renders arrays of records as tables and numeric series as summaries', () => {
    expect(md).toContain('| format | model | exactMatch |');
    expect(md).toContain('| stepwise | linear | 0.99 |');
    expect(md).toContain('- `curve`: 3 values; first 3.2, last 0.5, min 0.5, max 3.2');
  });
});

describe('pages', () => {
  it('marks experiments without reports as pending and counts the rest', () => {
    const found = [{ name: 'multiplication', reports: [{ file: 'r.json', json: {} }], images: ['plot.svg'], markdown: [] }];
    const index = renderResultsIndex(found, KNOWN_EXPERIMENTS);
    expect(index).toContain('| [4×4 multiplication](./multiplication) | committed | 1 | 1 |');
    expect(index).toContain('| [Parity and length complexity](./parity) | pending | 0 | 0 |');
    const pending = renderExperimentPage({ name: 'parity', reports: [], images: [], markdown: [] }, KNOWN_EXPERIMENTS[2]);
    expect(pending).toContain('::: warning Pending');
    const page = renderExperimentPage(found[0]!, KNOWN_EXPERIMENTS[0]);
    expect(page).toContain('![plot.svg](./multiplication/plot.svg)');
    expect(page).not.toContain('Pending');
  });

  it('formats values', () => {
    expect(formatValue(12)).toBe('12');
    expect(formatValue(0.123456)).toBe('0.1235');
    expect(formatValue(null)).toBe('—');
    expect(formatValue(Number.NaN)).toBe('NaN');
  });
});

describe('renderHeadlines', () => {
  it('gives each report its exact match next to chance and its command, or says nothing is committed', () => {
    const json = { title: 'quick', command: 'cotlab reproduce multiplication --preset quick', evaluation: { count: 500, answers: { exactMatch: 0.99 }, chance: { exactMatch: 0 } } };
    const md = renderHeadlines({ name: 'multiplication', reports: [{ file: 'quick/report.json', json }], images: [], markdown: [] }, '../results/multiplication');
    expect(md).toContain('- **quick**: exact match 99.0% on 500 held-out examples (chance 0.0%) — `cotlab reproduce multiplication --preset quick`');
    expect(renderHeadlines({ name: 'parity', reports: [], images: [], markdown: [] }, '../results/parity')).toContain('No report has been committed');
  });
});
