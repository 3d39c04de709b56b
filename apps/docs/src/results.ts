import { escapeCell } from './cli-reference.js';

/** One experiment's committed files under `apps/docs/results/<name>/`. */
export interface ExperimentFiles {
  name: string;
  /** Report JSON files (path relative to the experiment directory) with their parsed content. */
  reports: { file: string; json: unknown }[];
  /** SVG / PNG plots, relative to the experiment directory. */
  images: string[];
  /** Markdown renderings committed beside the JSON, relative to the experiment directory. */
  markdown: string[];
}

/** An experiment the project plans to reproduce; listed as pending until its reports land. */
export interface KnownExperiment {
  name: string;
  title: string;
  /** What the paper reports, one or two sentences. */
  paper: string;
  /** The command that produces the committed reports. */
  command: string;
}

/** The reproductions cotlab tracks (issue 7 and its siblings). */
export const KNOWN_EXPERIMENTS: readonly KnownExperiment[] = [
  {
    name: 'multiplication',
    title: '4×4 multiplication',
    paper:
      'Malach (2023), §5: an MLP (T = 307, d = 128, ≈ 775M parameters) trained on 100M sequences of the 307-token CoT reaches ≈ 96.9% exact match on held-out 4-digit pairs; GPT-4 without CoT gets a few percent.',
    command: 'pnpm cotlab reproduce multiplication --preset cpu --out apps/docs/results/multiplication/cpu   # --preset quick: 2×2 in minutes',
  },
  {
    name: 'tinystories',
    title: 'TinyStories with a linear predictor',
    paper: 'Malach (2023), §5: a purely linear next-token predictor (≈ 162M parameters, T = 64, d = 256) trained on TinyStories writes mostly coherent short stories.',
    command: 'pnpm cotlab reproduce tinystories --preset cpu --out apps/docs/results/tinystories',
  },
  {
    name: 'parity',
    title: 'Parity and length complexity',
    paper:
      'Malach (2023), §4: parity of n bits needs no CoT for an MLP in principle but is hard to learn without one; with the O(log n) count CoT every token is a linear threshold of earlier ones, so a linear predictor learns it.',
    command: 'pnpm cotlab reproduce parity   # writes apps/docs/results/parity',
  },
  {
    name: 'length-complexity',
    title: 'Length complexity of Turing machines',
    paper:
      'Malach (2023), §3–4: a machine running t steps is computed by a linear predictor with a CoT of length polynomial in t, through a threshold circuit; how long the CoT must be depends on how the run is written.',
    command: 'pnpm cotlab reproduce length-complexity   # writes apps/docs/results/length-complexity',
  },
];

type Scalar = string | number | boolean | null;

function isScalar(value: unknown): value is Scalar {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Formats a number for a table: integers as they are, others with 4 significant digits. */
export function formatValue(value: Scalar): string {
  if (typeof value === 'number') {
    if (Number.isInteger(value)) return String(value);
    if (!Number.isFinite(value)) return String(value);
    return Number(value.toPrecision(4)).toString();
  }
  return value === null ? '—' : String(value);
}

/** Flattens nested scalars into `a.b.c` keys (arrays and deep objects are summarised elsewhere). */
function flattenScalars(value: Record<string, unknown>, prefix = '', depth = 0, out: [string, Scalar][] = []): [string, Scalar][] {
  for (const [key, child] of Object.entries(value)) {
    const name = prefix === '' ? key : `${prefix}.${key}`;
    if (isScalar(child)) out.push([name, child]);
    else if (isRecord(child) && depth < 2) flattenScalars(child, name, depth + 1, out);
  }
  return out;
}

const MAX_TABLE_ROWS = 60;

function tableOf(rows: Record<string, unknown>[]): string[] {
  const columns: string[] = [];
  for (const row of rows) for (const [k, v] of flattenScalars(row)) if (!columns.includes(k) && isScalar(v)) columns.push(k);
  if (columns.length === 0) return [];
  const lines = [`| ${columns.map(escapeCell).join(' | ')} |`, `| ${columns.map(() => '---').join(' | ')} |`];
  for (const row of rows.slice(0, MAX_TABLE_ROWS)) {
    const flat = new Map(flattenScalars(row));
    lines.push(`| ${columns.map((c) => (flat.has(c) ? escapeCell(formatValue(flat.get(c) ?? null)) : '')).join(' | ')} |`);
  }
  if (rows.length > MAX_TABLE_ROWS) lines.push('', `_${rows.length - MAX_TABLE_ROWS} more rows in the JSON._`);
  return lines;
}

function numberSummary(values: number[]): string {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return `${values.length} values`;
  return `${values.length} values; first ${formatValue(finite[0] ?? null)}, last ${formatValue(finite[finite.length - 1] ?? null)}, min ${formatValue(Math.min(...finite))}, max ${formatValue(Math.max(...finite))}`;
}

/** Collects arrays anywhere in the report (depth ≤ 3) with their dotted path. */
function arraysOf(value: unknown, prefix = '', depth = 0, out: [string, unknown[]][] = []): [string, unknown[]][] {
  if (!isRecord(value) || depth > 3) return out;
  for (const [key, child] of Object.entries(value)) {
    const name = prefix === '' ? key : `${prefix}.${key}`;
    if (Array.isArray(child)) out.push([name, child]);
    else arraysOf(child, name, depth + 1, out);
  }
  return out;
}

/**
 * Renders one report JSON as Markdown without knowing its schema: its command, a table of its
 * scalar fields, a table for each array of records (for example a format × model grid), and a
 * one-line summary of each numeric series (for example a loss curve).
 *
 * @example
 * ```ts
 * renderReport('report.json', { command: 'cotlab reproduce multiplication', exactMatch: 0.97 });
 * ```
 */
export function renderReport(file: string, json: unknown): string {
  const lines: string[] = [];
  const title = isRecord(json) && typeof json['title'] === 'string' ? json['title'] : file;
  lines.push(`### ${escapeCell(title)}`, '', `From \`${file}\`.`, '');
  if (!isRecord(json)) {
    lines.push('```json', JSON.stringify(json, null, 2).slice(0, 2000), '```', '');
    return lines.join('\n');
  }
  if (typeof json['command'] === 'string') lines.push('```sh', json['command'], '```', '');
  const scalars = flattenScalars(json).filter(([k]) => k !== 'title' && k !== 'command');
  if (scalars.length > 0) {
    lines.push('| field | value |', '| --- | --- |');
    for (const [k, v] of scalars) lines.push(`| ${escapeCell(k)} | ${escapeCell(formatValue(v))} |`);
    lines.push('');
  }
  for (const [name, array] of arraysOf(json)) {
    if (array.length === 0) continue;
    if (array.every((v): v is number => typeof v === 'number')) {
      lines.push(`- \`${name}\`: ${numberSummary(array)}`, '');
    } else if (array.every(isRecord)) {
      const table = tableOf(array);
      if (table.length > 0) lines.push(`**${escapeCell(name)}**`, '', ...table, '');
    } else if (array.every(isScalar)) {
      lines.push(`- \`${name}\`: ${array.slice(0, 20).map((v) => escapeCell(formatValue(v))).join(', ')}${array.length > 20 ? ', …' : ''}`, '');
    }
  }
  return lines.join('\n');
}

/**
 * Renders one report with knowledge of its schema (for example the evaluator's own Markdown
 * rendering of a `cotlab.report/1` run report); returns undefined to fall back to the generic
 * rendering. `images` lists the experiment's images the rendering already shows.
 */
export type ReportRenderer = (report: { file: string; json: unknown }, experiment: string) => { markdown: string; images: string[] } | undefined;

/**
 * The page of one experiment: what the paper reports, how to reproduce it, every committed
 * report rendered, and the plots no report rendering already shows.
 *
 * @example
 * ```ts
 * renderExperimentPage({ name: 'parity', reports: [], images: [], markdown: [] }, KNOWN_EXPERIMENTS[2]);
 * ```
 */
export function renderExperimentPage(files: ExperimentFiles, known: KnownExperiment | undefined, renderKnown?: ReportRenderer): string {
  const lines = [`# ${known?.title ?? files.name}`, '', '<!-- Generated by apps/docs/scripts/generate.ts from apps/docs/results/. Do not edit. -->', ''];
  if (known !== undefined) lines.push(`**The paper.** ${known.paper}`, '', '**Reproduce** (each report below also names the exact command that made it):', '', '```sh', known.command, '```', '');
  if (files.reports.length === 0) {
    lines.push(`::: warning Pending`, `No report has been committed under \`apps/docs/results/${files.name}/\` yet.`, ':::', '');
  }
  const shown = new Set<string>();
  const rendered = files.reports.map((report) => {
    const special = renderKnown?.(report, files.name);
    if (special === undefined) return renderReport(report.file, report.json);
    for (const image of special.images) shown.add(image);
    return special.markdown;
  });
  if (rendered.length > 0) lines.push('## Reports', '', ...rendered, '');
  const rest = files.images.filter((image) => !shown.has(image));
  if (rest.length > 0) {
    lines.push('## Plots', '');
    for (const image of rest) lines.push(`![${image}](./${files.name}/${image})`, '');
  }
  if (files.markdown.length > 0) {
    lines.push('## Markdown renderings in the repository', '', ...files.markdown.map((m) => `- \`apps/docs/results/${files.name}/${m}\``), '');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

/**
 * The results overview: one row per experiment, known or found on disk, saying whether its
 * reports have landed.
 *
 * @example
 * ```ts
 * renderResultsIndex([], KNOWN_EXPERIMENTS); // every experiment listed as pending
 * ```
 */
export function renderResultsIndex(found: readonly ExperimentFiles[], known: readonly KnownExperiment[]): string {
  const names = [...new Set([...known.map((k) => k.name), ...found.map((f) => f.name)])];
  const lines = [
    '# Results',
    '',
    '<!-- Generated by apps/docs/scripts/generate.ts from apps/docs/results/. Do not edit. -->',
    '',
    'Every reproduction commits its reports (JSON first; Markdown and SVG renderings beside it) under',
    '`apps/docs/results/<experiment>/`. These pages are built from those files at every build, so they',
    'show exactly what is committed.',
    '',
    '| experiment | status | reports | plots |',
    '| --- | --- | --- | --- |',
  ];
  for (const name of names) {
    const files = found.find((f) => f.name === name);
    const title = known.find((k) => k.name === name)?.title ?? name;
    const status = files !== undefined && files.reports.length > 0 ? 'committed' : 'pending';
    lines.push(`| [${escapeCell(title)}](./${name}) | ${status} | ${files?.reports.length ?? 0} | ${files?.images.length ?? 0} |`);
  }
  return `${lines.join('\n')}\n`;
}

function percentOf(x: unknown): string {
  return typeof x === 'number' ? `${(x * 100).toFixed(1)}%` : '?';
}

/**
 * The headline numbers of an experiment's committed reports, one line each, for the theory
 * pages ("what cotlab measured"); says so when nothing is committed yet.
 *
 * @example
 * ```ts
 * renderHeadlines({ name: 'parity', reports: [], images: [], markdown: [] }); // '_No report … yet …_'
 * ```
 */
export function renderHeadlines(files: ExperimentFiles, resultsLink: string): string {
  if (files.reports.length === 0) return `_No report has been committed for this experiment yet; the [results page](${resultsLink}) will show it when it lands._\n`;
  const lines = files.reports.map(({ file, json }) => {
    const r = isRecord(json) ? json : {};
    const evaluation = isRecord(r['evaluation']) ? r['evaluation'] : undefined;
    const answers = evaluation !== undefined && isRecord(evaluation['answers']) ? evaluation['answers'] : undefined;
    const chance = evaluation !== undefined && isRecord(evaluation['chance']) ? evaluation['chance'] : undefined;
    const title = typeof r['title'] === 'string' ? r['title'] : file;
    const command = typeof r['command'] === 'string' ? ` — \`${r['command']}\`` : '';
    if (answers === undefined) return `- **${title}** (\`${file}\`)${command}`;
    const count = typeof evaluation?.['count'] === 'number' ? ` on ${evaluation['count']} held-out examples` : '';
    return `- **${title}**: exact match ${percentOf(answers['exactMatch'])}${count} (chance ${percentOf(chance?.['exactMatch'])})${command}`;
  });
  return `${lines.join('\n')}\n\nDetails, plots and the machine: the [results page](${resultsLink}).\n`;
}
