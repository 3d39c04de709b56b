import type { TopLevelSpec } from 'vega-lite';
import { compact, duration, markdownTable } from '../render/format.js';
import type { TinyStoriesReport } from './report.js';

const bpb = (x: number): string => x.toFixed(3);

/** The report as Markdown: the bits-per-byte table, training budgets, generation statistics, the stories. */
export function renderTinyStoriesMarkdown(report: TinyStoriesReport): string {
  const rows = [
    ...report.baselines.map((b) => [b.name, 'n-gram (counts)', '—', bpb(b.bitsPerByte), b.lossPerToken.toFixed(3), duration(b.seconds)]),
    ...report.models.map((m) => [m.name, m.config.kind, compact(m.parameters), bpb(m.bitsPerByte), m.lossPerToken.toFixed(3), duration(m.trainSeconds)]),
  ];
  const g = report.goal;
  const verdict =
    g.linearBeatsBestBaseline === null
      ? 'No linear model was trained in this run.'
      : `The linear model reaches **${bpb(g.linearBitsPerByte ?? NaN)}** bits/byte; the best n-gram baseline (${g.bestBaseline}) reaches **${bpb(g.bestBaselineBitsPerByte)}**: the goal (linear beats the best Kneser–Ney baseline) is **${g.linearBeatsBestBaseline ? 'met' : 'not met'}**.`;
  const stats = [
    ['held-out human stories', report.referenceStats],
    ...report.models.map((m) => [m.name, m.stats] as const),
  ] as const;
  const lines = [
    `# TinyStories: the paper's linear model at CPU scale (preset \`${report.preset}\`)`,
    '',
    `Command: \`${report.command}\` — ${duration(report.seconds)} on ${report.machine.cpuModel} (${report.machine.cores} cores, backend \`${report.machine.backend}\`, Node ${report.machine.node}), ${report.createdAt.slice(0, 10)}.`,
    '',
    `Data: ${report.data.source}; ${report.data.trainDocuments} training stories (${compact(report.data.trainTokens)} tokens); held out: ${report.data.validDocuments} documents, ${compact(report.data.validTokens)} tokens, ${compact(report.data.validBytes)} bytes. Tokenizer: ${report.tokenizer.spec}.`,
    '',
    verdict,
    '',
    ...(report.failures.length === 0 ? [] : ['**Models that failed:** ' + report.failures.map((f) => `${f.name} (${compact(f.parameters)} parameters): ${f.error}`).join('; '), '']),
    '## Held-out bits per byte (lower is better)',
    '',
    markdownTable(['model', 'class', 'parameters', 'bits/byte', 'loss/token (nats)', 'train time'], rows, ['l', 'l', 'r', 'r', 'r', 'r']),
    '',
    '## Training',
    '',
    markdownTable(
      ['model', 'steps', 'batch', 'tokens seen', 'final train loss'],
      report.models.map((m) => [m.name, m.steps, m.batchSize, compact(m.trainTokens), m.finalTrainLoss.toFixed(3)]),
      ['l', 'r', 'r', 'r', 'r'],
    ),
    '',
    '## Generated text statistics (no judge model)',
    '',
    markdownTable(
      ['text', 'distinct-1', 'distinct-2', 'distinct-3', 'repetition (4-grams)', 'mean words'],
      stats.map(([name, s]) => [name, s.distinct[1].toFixed(3), s.distinct[2].toFixed(3), s.distinct[3].toFixed(3), s.repetition4.toFixed(3), s.meanWords.toFixed(1)]),
      ['l', 'r', 'r', 'r', 'r', 'r'],
    ),
    '',
    '![bits per byte](bits-per-byte.svg)',
    '',
    '![training loss](training-loss.svg)',
    '',
  ];
  for (const m of report.models) {
    lines.push(`## Stories from ${m.name}`, '');
    for (const s of m.stories) lines.push(`**${s.prompt}…**`, '', `> ${s.text.replace(/\n+/g, ' ')}`, '');
  }
  return `${lines.join('\n')}\n`;
}

/** Bar chart of held-out bits per byte, baselines and models. */
export function bitsPerByteSpec(report: TinyStoriesReport): TopLevelSpec {
  const values = [
    ...report.baselines.map((b) => ({ name: b.name, group: 'n-gram baseline', bpb: b.bitsPerByte })),
    ...report.models.map((m) => ({ name: m.name, group: m.config.kind, bpb: m.bitsPerByte })),
  ];
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title: 'Held-out bits per byte (lower is better)',
    width: 420,
    height: { step: 22 },
    data: { values },
    mark: 'bar',
    encoding: {
      y: { field: 'name', type: 'nominal', sort: null, title: null },
      x: { field: 'bpb', type: 'quantitative', title: 'bits per byte' },
      color: { field: 'group', type: 'nominal', title: null },
    },
  };
}

/** Training loss against step, one line per model. */
export function trainingLossSpec(report: TinyStoriesReport): TopLevelSpec {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title: 'Training loss (nats per token)',
    width: 420,
    height: 240,
    data: { values: report.models.flatMap((m) => m.curve.map((p) => ({ model: m.name, step: p.step, loss: p.loss }))) },
    mark: 'line',
    encoding: {
      x: { field: 'step', type: 'quantitative' },
      y: { field: 'loss', type: 'quantitative', scale: { zero: false } },
      color: { field: 'model', type: 'nominal' },
    },
  };
}
