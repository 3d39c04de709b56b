import { directorySweepStore, LEARN_DEFAULTS, PARITY_BITS, PARITY_GRID_FORMATS, runParityExperiment, THEORY_MODELS, writeTheoryReport, type LearnRecipe, type TheoryEvent, type TheoryModel, type TheoryReport } from '@cotlab/evaluator/theory';
import { basename } from 'node:path';
import { UsageError, type CommandSpec, type OptionSpec, type ParsedValues } from '../command.js';
import { intOption, numberOption, stringOption } from '../options.js';
import { commandLine } from './reproduce-shared.js';

/** Default wall-clock cap per cell: 168 parity cells × (18 s + ~1.5 s data and scoring) ≤ 55 min, inside the issue's 60 minutes. */
export const THEORY_BUDGET_SECONDS = 18;

/** Options shared by the theory reproductions (training recipe, grid, output). */
export const THEORY_OPTIONS: Record<string, OptionSpec> = {
  out: { type: 'string', valueName: 'DIR', description: 'where report.json, report.md and accuracy-vs-cot.svg are written' },
  store: { type: 'string', valueName: 'DIR', description: 'finished cells are kept here, one file each; rerunning resumes (default: runs/theory-<experiment>, git-ignored)' },
  'budget-seconds': { type: 'string', valueName: 'S', description: 'wall-clock cap of training per cell (0: steps only)', default: String(THEORY_BUDGET_SECONDS) },
  steps: { type: 'string', valueName: 'N', description: 'optimizer steps per cell (the same step budget for every run)', default: String(LEARN_DEFAULTS.steps) },
  dim: { type: 'string', valueName: 'D', description: 'embedding width d of the linear / MLP predictors', default: String(LEARN_DEFAULTS.dim) },
  'batch-size': { type: 'string', valueName: 'B', description: 'sequences per step', default: String(LEARN_DEFAULTS.batchSize) },
  lr: { type: 'string', valueName: 'LR', description: 'AdamW learning rate', default: String(LEARN_DEFAULTS.lr) },
  'train-count': { type: 'string', valueName: 'N', description: 'distinct training inputs per cell', default: String(LEARN_DEFAULTS.trainCount) },
  'test-count': { type: 'string', valueName: 'N', description: 'held-out inputs scored per cell', default: String(LEARN_DEFAULTS.testCount) },
  models: { type: 'string', valueName: 'LIST', description: `model classes, comma-separated (${THEORY_MODELS.join(', ')})`, default: THEORY_MODELS.join(',') },
  seeds: { type: 'string', valueName: 'N', description: 'seeds per cell (0 … N−1)', default: '3' },
};

/** A comma-separated list option, checked against its choices when given. */
export function listOption(values: ParsedValues, name: string, fallback: readonly string[], choices?: readonly string[]): string[] {
  const raw = stringOption(values, name);
  if (raw === undefined) return [...fallback];
  const items = raw.split(',').map((s) => s.trim()).filter((s) => s !== '');
  if (items.length === 0) throw new UsageError(`--${name} needs at least one value, got '${raw}'`);
  for (const item of items) if (choices !== undefined && !choices.includes(item)) throw new UsageError(`--${name} values must be among ${choices.join(', ')}; got '${item}'`);
  return items;
}

/** The recipe, grid and output options shared by the theory reproductions, read and checked. */
export function theoryOptions(values: ParsedValues, defaultOut: string, defaults: { budgetSeconds: number; dim: number } = { budgetSeconds: THEORY_BUDGET_SECONDS, dim: LEARN_DEFAULTS.dim }): {
  out: string; store: string; recipe: Omit<LearnRecipe, 'model' | 'seed'>; models: TheoryModel[]; seeds: number[];
} {
  const out = stringOption(values, 'out') ?? defaultOut;
  const budgetSeconds = numberOption(values, 'budget-seconds', defaults.budgetSeconds);
  if (budgetSeconds < 0) throw new UsageError(`--budget-seconds must be ≥ 0, got '${String(values['budget-seconds'])}'`);
  const lr = numberOption(values, 'lr', LEARN_DEFAULTS.lr);
  if (lr <= 0) throw new UsageError(`--lr must be > 0, got '${String(values['lr'])}'`);
  const seedCount = intOption(values, 'seeds', 3, 1, 100);
  return {
    out,
    store: stringOption(values, 'store') ?? `runs/theory-${basename(defaultOut)}`,
    recipe: {
      budgetSeconds,
      lr,
      steps: intOption(values, 'steps', LEARN_DEFAULTS.steps, 1),
      dim: intOption(values, 'dim', defaults.dim, 1, 4096),
      batchSize: intOption(values, 'batch-size', LEARN_DEFAULTS.batchSize, 1),
      trainCount: intOption(values, 'train-count', LEARN_DEFAULTS.trainCount, 1),
      testCount: intOption(values, 'test-count', LEARN_DEFAULTS.testCount, 1),
    },
    models: listOption(values, 'models', THEORY_MODELS, THEORY_MODELS) as TheoryModel[],
    seeds: Array.from({ length: seedCount }, (_, i) => i),
  };
}

const pct = (v: unknown): string => (typeof v === 'number' ? `${(v * 100).toFixed(1)}%` : '–');

/** Draws a theory experiment's progress on stderr: compiled checks, then one line per cell. */
export function theoryProgress(stderr: NodeJS.WritableStream): (event: TheoryEvent) => void {
  return (event) => {
    if (event.kind === 'compiled') {
      const c = event.check;
      const verdict = c.checked === 0 ? 'size only' : `${c.checked - c.failures}/${c.checked} right${c.exhaustive ? ' (all inputs)' : ''}`;
      stderr.write(`compiled ${c.target} n=${c.n}: T=${c.gates}, ${c.sparseParameters.toLocaleString('en-US')} sparse params, ${verdict}\n`);
    } else if (event.kind === 'cell') {
      const p = event.progress;
      const name = Object.entries(p.cell).map(([k, v]) => `${k}=${String(v)}`).join(' ');
      if (p.event === 'done' || p.event === 'resumed') {
        const m = p.record?.metrics ?? {};
        stderr.write(`[${p.done}/${p.total}] ${name}: held-out exact ${pct(m['testExact'])} (answer given CoT ${pct(m['testAnswer'])})${m['longerExact'] === undefined ? '' : `, longer ${pct(m['longerExact'])}`} (${p.record?.seconds.toFixed(1) ?? '?'} s${p.event === 'resumed' ? ', resumed' : ''})\n`);
      } else if (p.event === 'failed') {
        stderr.write(`[${p.done}/${p.total}] ${name}: FAILED ${p.record?.error ?? ''}\n`);
      }
    }
  };
}

/** Writes a theory report and prints where, plus its summary table. */
export async function finishTheory(report: TheoryReport, out: string, stdout: NodeJS.WritableStream): Promise<void> {
  const files = await writeTheoryReport(report, out);
  for (const s of report.summary) stdout.write(`${s.model.padEnd(6)} ${String(s.n).padStart(3)} ${s.format.padEnd(12)} CoT ${String(s.cotLength).padStart(4)}  held-out exact ${pct(s.testExact)} [${s.solved}/${s.seeds} seeds at 100%]${s.longerExact === undefined ? '' : `  longer ${pct(s.longerExact)}`}\n`);
  stdout.write(`report (${Math.round(report.seconds)} s): ${files.join(', ')}\n`);
}

export const reproduceParityCommand: CommandSpec = {
  name: 'parity',
  summary: 'parity length complexity: compiled O(log n) CoT, then linear/MLP predictors trained on every CoT format',
  options: {
    ...THEORY_OPTIONS,
    out: { ...THEORY_OPTIONS['out']!, default: 'apps/docs/results/parity' },
    bits: { type: 'string', valueName: 'LIST', description: 'input sizes n, comma-separated', default: PARITY_BITS.join(',') },
    formats: { type: 'string', valueName: 'LIST', description: 'CoT formats, comma-separated (none, chunked-K, count-log, sequential)', default: PARITY_GRID_FORMATS.join(',') },
  },
  details: `The full grid (4 sizes × 7 formats × 2 models × 3 seeds = 168 cells) takes at most about 55 min on 2 cores
with the default 18 s cap per cell (cells that finish their 600 steps sooner are faster). Finished cells are stored;
rerunning resumes (cells are keyed by n, format, model and seed: use a new --store after changing the recipe).
Examples:
  cotlab reproduce parity
  cotlab reproduce parity --bits 8 --formats none,count-log --models linear --seeds 1 --steps 100 --out /tmp/parity`,
  async run({ values, stdout, stderr, signal }) {
    const o = theoryOptions(values, 'apps/docs/results/parity');
    const bits = listOption(values, 'bits', PARITY_BITS.map(String)).map((s) => {
      const n = Number(s);
      if (!Number.isSafeInteger(n) || n < 1) throw new UsageError(`--bits values must be integers ≥ 1, got '${s}'`);
      return n;
    });
    const formats = listOption(values, 'formats', PARITY_GRID_FORMATS);
    const report = await runParityExperiment({
      bits, formats, models: o.models, seeds: o.seeds, recipe: o.recipe, store: directorySweepStore(o.store), signal,
      onProgress: theoryProgress(stderr), command: commandLine(['reproduce', 'parity'], values),
    });
    await finishTheory(report, o.out, stdout);
    return 0;
  },
};
