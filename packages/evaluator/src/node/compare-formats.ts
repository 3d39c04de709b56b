import { fork } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { currentBackend, type BackendName } from '@cotlab/models';
import { checkInteger, checkNumber } from '../errors.js';
import { renderSvg } from '../plots/render-svg.js';
import { sweepHeatmapSpec } from '../plots/specs.js';
import { duration, percent } from '../render/format.js';
import { dimForParameters } from '../reproduce/model-size.js';
import { multiplicationData } from '../reproduce/multiplication-data.js';
import { resolvePreset, type ModelKindName, type MultiplicationFormat } from '../reproduce/presets.js';
import { cellId, type Cell } from '../sweep/grid.js';
import { runSweep, type SweepProgress, type SweepTable } from '../sweep/run-sweep.js';
import { pivotMarkdown, renderSweepMarkdown } from '../sweep/sweep-markdown.js';
import { writeFileAtomic } from './atomic-write.js';
import { machineInfo } from './machine.js';
import type { RunReport } from '../report.js';
import { reproduceMultiplication, type ReproduceEvent } from './reproduce-multiplication.js';
import type { CellJob, CellMessage } from './run-cell-child.js';
import { directorySweepStore } from './sweep-store.js';

/** The issue's grid: every CoT format × every model class, 5 minutes each (one hour in all). */
export const COMPARISON_FORMATS: readonly MultiplicationFormat[] = ['malach', 'deng', 'stepwise', 'none'];
export const COMPARISON_MODELS: readonly ModelKindName[] = ['linear', 'mlp', 'transformer'];
export const COMPARISON_BUDGET_MINUTES = 5;
/** Parameters every cell's model is sized to (width chosen per format and class to come closest). */
export const COMPARISON_PARAMETERS = 2_000_000;
/** Held-out pairs per cell: enough to tell 90% from 99%, cheap enough to roll out. */
export const COMPARISON_EVAL_N = 300;
/** Transformer shape of the comparison (not from the paper, which has no transformer). */
const COMPARISON_TRANSFORMER = { layers: 2, heads: 4 } as const;

export interface CompareFormatsOptions {
  outDir: string;
  command: string;
  formats?: readonly MultiplicationFormat[];
  models?: readonly ModelKindName[];
  digits?: [number, number];
  budgetMinutes?: number;
  parameters?: number;
  n?: number;
  seed?: number;
  backend?: BackendName;
  onCell?: (progress: SweepProgress) => void;
  onProgress?: (cell: Cell, event: ReproduceEvent) => void;
  signal?: AbortSignal;
  /**
   * Run each cell in a child process (default true): a fresh WebAssembly memory per cell, so one
   * that runs out of memory cannot break the cells after it.
   */
  isolate?: boolean;
}

export interface CompareFormatsResult {
  table: SweepTable;
  files: { json: string; markdown: string; svg: string };
}

/**
 * The format × model comparison of `cotlab reproduce formats`: for each CoT format and model
 * class, a model of about `parameters` parameters trains for `budgetMinutes` on the n×m task
 * (4×4, the paper's split, by default) and is scored on held-out pairs. Each finished cell is
 * written to `outDir/cells/` at once, so an interrupted comparison resumes where it stopped.
 * Writes `formats.json`, `formats.md` and a heat map `formats.svg`.
 *
 * @example await compareFormats({ outDir: 'apps/docs/results/multiplication/formats', command: 'cotlab reproduce formats' });
 */
export async function compareFormats(options: CompareFormatsOptions): Promise<CompareFormatsResult> {
  const formats = options.formats ?? COMPARISON_FORMATS;
  const models = options.models ?? COMPARISON_MODELS;
  const budgetMinutes = checkNumber('budgetMinutes', options.budgetMinutes ?? COMPARISON_BUDGET_MINUTES, 0.05, 24 * 60);
  const parameters = checkInteger('parameters', options.parameters ?? COMPARISON_PARAMETERS, 1000);
  const n = checkInteger('n', options.n ?? COMPARISON_EVAL_N, 1);
  const digits = options.digits ?? [4, 4];
  const seed = options.seed ?? 1;
  // Check every cell's configuration before the first one trains.
  const plans = new Map<string, ReturnType<typeof resolvePreset>>();
  for (const format of formats) {
    const data = multiplicationData(digits, format);
    for (const kind of models) {
      const base = { kind, vocabSize: data.tokenizer.size, contextLength: data.sequenceLength, ...(kind === 'transformer' ? COMPARISON_TRANSFORMER : {}) };
      const dim = dimForParameters(base, parameters);
      plans.set(cellId({ format, model: kind }), resolvePreset('cpu', {
        digits,
        format,
        seed,
        model: { kind, dim, ...(kind === 'transformer' ? COMPARISON_TRANSFORMER : {}) },
        train: { budgetSeconds: budgetMinutes * 60, workers: 1, warmupSteps: 20 },
        eval: { n },
      }));
    }
  }
  const table = await runSweep({
    axes: { format: [...formats], model: [...models] },
    store: directorySweepStore(options.outDir),
    ...(options.onCell === undefined ? {} : { onProgress: options.onCell }),
    ...(options.signal === undefined ? {} : { signal: options.signal }),
    run: async (cell) => {
      const preset = plans.get(cellId(cell))!;
      const job: CellJob = {
        preset,
        outDir: join(options.outDir, 'runs', cellId(cell)),
        command: options.command,
        ...(options.backend === undefined ? {} : { backend: options.backend }),
      };
      const onEvent = options.onProgress === undefined ? undefined : (event: ReproduceEvent) => options.onProgress?.(cell, event);
      const report = options.isolate === false
        ? (await reproduceMultiplication({
            ...job, checkpoint: false, evaluateOnAbort: false,
            ...(options.signal === undefined ? {} : { signal: options.signal }),
            ...(onEvent === undefined ? {} : { onProgress: onEvent }),
          })).report
        : await runCellInChild(job, onEvent, options.signal);
      const ev = report.evaluation;
      return {
        exactMatch: ev.answers.exactMatch,
        digitAccuracy: ev.answers.digitAccuracy,
        cotTokenAccuracy: ev.teacherForced?.tokenAccuracy ?? null,
        chance: ev.chance.exactMatch,
        tokens: report.model.config.contextLength,
        dim: report.model.config.dim,
        parameters: report.model.parameterCount,
        steps: report.training?.steps ?? 0,
        sequences: report.training?.sequences ?? 0,
        trainSeconds: report.training?.seconds ?? 0,
        budgetSeconds: budgetMinutes * 60,
        backend: report.machine?.backend ?? null,
      };
    },
  });
  const json = join(options.outDir, 'formats.json');
  const markdown = join(options.outDir, 'formats.md');
  const svg = join(options.outDir, 'formats.svg');
  const recorded = table.rows.map((r) => r.metrics['backend']).find((b): b is string => typeof b === 'string');
  const machine = machineInfo(currentBackend() ?? recorded ?? options.backend ?? 'unknown');
  await writeFileAtomic(json, `${JSON.stringify({ command: options.command, createdAt: new Date().toISOString(), machine, digits, budgetMinutes, parameters, n, table }, null, 2)}\n`);
  await writeFileAtomic(svg, await renderSvg(sweepHeatmapSpec(table.rows.map((r) => ({ ...r.cell, ...r.metrics })), {
    x: 'model', y: 'format', value: 'exactMatch', title: `Exact match on ${n} held-out ${digits[0]}×${digits[1]} pairs, ${budgetMinutes} min of training per cell`,
  })));
  await writeFileAtomic(markdown, renderComparisonMarkdown(table, { command: options.command, digits, budgetMinutes, parameters, n, machine: `${machine.cpuModel}, ${machine.cores} logical cores, backend ${machine.backend}` }));
  return { table, files: { json, markdown, svg } };
}

function renderComparisonMarkdown(
  table: SweepTable,
  o: { command: string; digits: [number, number]; budgetMinutes: number; parameters: number; n: number; machine: string },
): string {
  const best = table.rows.filter((r) => r.status === 'done').sort((a, b) => Number(b.metrics['exactMatch']) - Number(a.metrics['exactMatch']))[0];
  return [
    `# CoT format × model class: ${o.digits[0]}×${o.digits[1]} multiplication`,
    '',
    `Made by \`${o.command}\` on ${o.machine}. Every cell: a model of about ${(o.parameters / 1e6).toFixed(1)}M parameters, ${duration(o.budgetMinutes * 60)} of training, exact match on ${o.n} held-out pairs of the paper's split (greedy rollout).`,
    best === undefined ? '' : `\nBest: \`${String(best.cell['format'])}\` × \`${String(best.cell['model'])}\`, ${percent(Number(best.metrics['exactMatch']))} exact match.`,
    '',
    '![exact match by format and model](formats.svg)',
    '',
    '## Exact match',
    '',
    pivotMarkdown(table, { row: 'format', column: 'model', metric: 'exactMatch', format: 'percent' }),
    '',
    '## Every cell',
    '',
    renderSweepMarkdown(table, {
      metrics: ['exactMatch', 'digitAccuracy', 'cotTokenAccuracy', 'tokens', 'dim', 'parameters', 'steps', 'sequences', 'trainSeconds', 'budgetSeconds'],
      formats: { exactMatch: 'percent', digitAccuracy: 'percent', cotTokenAccuracy: 'percent', parameters: 'integer', sequences: 'integer', trainSeconds: 'seconds', budgetSeconds: 'seconds' },
    }),
    '',
  ].join('\n');
}

/** The child entry beside this module: `.ts` when running from sources, `.js` when built. */
function childEntry(): string {
  const here = fileURLToPath(import.meta.url);
  return join(here, '..', `run-cell-child${here.endsWith('.ts') ? '.ts' : '.js'}`);
}

/** The abort reason of an aborted signal, as an Error. */
function abortReason(signal: AbortSignal | undefined): Error | undefined {
  if (signal?.aborted !== true) return undefined;
  const reason: unknown = signal.reason;
  return reason instanceof Error ? reason : new Error(String(reason));
}

/** Runs one cell in a forked Node process (same loader flags as this one) and returns its report. */
function runCellInChild(job: CellJob, onEvent: ((event: ReproduceEvent) => void) | undefined, signal: AbortSignal | undefined): Promise<RunReport> {
  return new Promise((resolve, reject) => {
    signal?.throwIfAborted();
    const child = fork(childEntry(), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let settled = false;
    const onAbort = () => child.kill('SIGTERM');
    signal?.addEventListener('abort', onAbort, { once: true });
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      fn();
    };
    child.on('message', (message: CellMessage) => {
      if (message.type === 'event') onEvent?.(message.event as ReproduceEvent);
      else if (message.type === 'done') finish(() => resolve(message.report as RunReport));
      else finish(() => reject(abortReason(signal) ?? new Error(message.message)));
    });
    child.on('error', (error) => finish(() => reject(error)));
    child.on('exit', (code, sig) => finish(() => reject(abortReason(signal) ?? new Error(`cell process ended (${sig ?? `exit code ${String(code)}`}) before reporting`))));
    child.send(job);
  });
}

