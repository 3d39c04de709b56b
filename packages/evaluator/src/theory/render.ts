import type { TopLevelSpec } from 'vega-lite';
import { markdownTable, percent } from '../render/format.js';
import type { TheoryReport } from './report.js';

const SCHEMA = 'https://vega.github.io/schema/vega-lite/v5.json';

const pct = (v: number | null | undefined): string => (v === null || v === undefined ? '–' : percent(v));

/**
 * The Markdown rendering of a theory report: the compiled constructions and their checks, then
 * held-out accuracy by format and size for each model class, then every cell.
 *
 * @example writeFileSync('report.md', renderTheoryMarkdown(report));
 */
export function renderTheoryMarkdown(r: TheoryReport): string {
  const out: string[] = [`# ${r.title}`, '', `Generated ${r.createdAt} on the \`${r.backend}\` backend in ${Math.round(r.seconds)} s.`];
  if (r.command !== undefined) out.push('', `Command: \`${r.command}\``);
  out.push('', `Recipe: ${Object.entries(r.recipe).map(([k, v]) => `${k} = ${String(v)}`).join(', ')}.`);
  if (r.compiled.length > 0) {
    out.push('', '## Compiled linear predictors (exact weights, checked by greedy generation)', '');
    out.push(
      markdownTable(
        ['target', 'n', 'gates T', 'sequence length', 'V', 'dense params (d = V)', 'sparse params', 'checked', 'failures'],
        r.compiled.map((c) => [c.target, String(c.n), String(c.gates), String(c.length), String(c.vocabSize), c.denseParameters.toLocaleString('en-US'), c.sparseParameters.toLocaleString('en-US'), `${c.checked}${c.exhaustive ? ' (all)' : ' (random)'}`, String(c.failures)]),
      ),
    );
  }
  const models = [...new Set(r.summary.map((s) => s.model))];
  const sizes = [...new Set(r.summary.map((s) => s.n))].sort((a, b) => a - b);
  const formats = [...new Set(r.summary.map((s) => s.format))];
  for (const model of models) {
    out.push('', `## ${model}: held-out exact match of the greedy CoT + answer (mean over seeds; seeds at 100% in brackets; generated tokens after the dot)`, '');
    const rows = formats.map((f) => [
      f,
      ...sizes.map((n) => {
        const s = r.summary.find((x) => x.model === model && x.format === f && x.n === n);
        if (s === undefined) return '–';
        const longer = s.longerExact === undefined ? '' : `, longer ${pct(s.longerExact)}`;
        return `${pct(s.testExact)} [${s.solved}/${s.seeds}]${longer} · ${s.cotLength}`;
      }),
    ]);
    out.push(markdownTable(['format', ...sizes.map((n) => `n = ${n}`)], rows));
  }
  if (r.notes.length > 0) out.push('', '## Notes', '', ...r.notes.map((n) => `- ${n}`));
  out.push('', '## Cells', '');
  out.push(
    markdownTable(
      ['cell', 'status', 'held-out exact', 'answer (teacher-forced)', 'longer exact', 'train exact', 'generated', 'steps', 'seconds'],
      r.cells.map((c) => [
        Object.values(c.cell).map(String).join(' · '),
        c.status === 'done' ? (c.metrics['budgetHit'] === true ? 'done (budget)' : 'done') : `failed: ${c.error ?? ''}`,
        pct(c.metrics['testExact'] as number | undefined),
        pct(c.metrics['testAnswer'] as number | undefined),
        pct(c.metrics['longerExact'] as number | undefined),
        pct(c.metrics['trainExact'] as number | undefined),
        String(c.metrics['cotLength'] ?? '–'),
        String(c.metrics['steps'] ?? '–'),
        c.seconds.toFixed(1),
      ]),
    ),
  );
  return `${out.join('\n')}\n`;
}

/**
 * Vega-Lite: held-out exact match against CoT length, one panel per model class, colour by
 * format, shape by input size.
 *
 * @example await renderSvg(accuracyVsCotSpec(report))
 */
export function accuracyVsCotSpec(r: TheoryReport): TopLevelSpec {
  const values = r.summary.filter((s) => s.testExact !== null).map((s) => ({ model: s.model, format: s.format, n: `n = ${s.n}`, cot: Math.max(1, s.cotLength), accuracy: s.testExact }));
  return {
    $schema: SCHEMA,
    title: `${r.title}: held-out accuracy vs chain-of-thought length`,
    data: { values },
    facet: { column: { field: 'model', type: 'nominal', title: null } },
    spec: {
      width: 320,
      height: 240,
      layer: [
        {
          mark: { type: 'line', opacity: 0.35 },
          encoding: {
            x: { field: 'cot', type: 'quantitative', scale: { type: 'log' }, title: 'generated tokens: CoT + answer (log)' },
            y: { field: 'accuracy', type: 'quantitative', scale: { domain: [0, 1] }, title: 'held-out exact match (greedy)' },
            color: { field: 'n', type: 'nominal', title: 'size' },
            detail: { field: 'n' },
          },
        },
        {
          mark: { type: 'point', filled: true, size: 70 },
          encoding: {
            x: { field: 'cot', type: 'quantitative', scale: { type: 'log' } },
            y: { field: 'accuracy', type: 'quantitative' },
            color: { field: 'n', type: 'nominal', title: 'size' },
            shape: { field: 'format', type: 'nominal', title: 'format' },
            tooltip: [{ field: 'format' }, { field: 'n' }, { field: 'cot' }, { field: 'accuracy', format: '.1%' }],
          },
        },
      ],
    },
  };
}
