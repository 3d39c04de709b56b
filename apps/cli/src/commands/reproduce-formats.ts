import { EvaluatorError, MODEL_KIND_NAMES, MULTIPLICATION_FORMAT_NAMES, percent, type ModelKindName, type MultiplicationFormat } from '@cotlab/evaluator';
import { compareFormats, COMPARISON_BUDGET_MINUTES, COMPARISON_EVAL_N, COMPARISON_FORMATS, COMPARISON_MODELS, COMPARISON_PARAMETERS } from '@cotlab/evaluator/node';
import { BACKENDS } from '@cotlab/models';
import { UsageError, type CommandSpec } from '../command.js';
import { choiceOption, intOption, numberOption, stringOption } from '../options.js';
import { commandLine, reproduceProgress } from './reproduce-shared.js';

function listOption<T extends string>(raw: string | undefined, name: string, choices: readonly T[], fallback: readonly T[]): T[] {
  if (raw === undefined) return [...fallback];
  const items = raw.split(',').map((s) => s.trim()).filter((s) => s !== '');
  for (const item of items) {
    if (!(choices as readonly string[]).includes(item)) throw new UsageError(`--${name} takes a comma-separated list of ${choices.join(', ')}; got '${item}'`);
  }
  if (items.length === 0) throw new UsageError(`--${name} needs at least one value`);
  return items as T[];
}

export const reproduceFormatsCommand: CommandSpec = {
  name: 'formats',
  summary: 'which CoT lets which model class learn: format × model grid, a fixed time budget per cell',
  options: {
    formats: { type: 'string', valueName: 'F,…', description: `CoT formats (default: ${COMPARISON_FORMATS.join(',')})` },
    models: { type: 'string', valueName: 'KIND,…', description: `model classes (default: ${COMPARISON_MODELS.join(',')})` },
    digits: { type: 'string', valueName: 'NxM', description: 'operand digits', default: '4x4' },
    'budget-minutes': { type: 'string', valueName: 'M', description: 'training time per cell', default: String(COMPARISON_BUDGET_MINUTES) },
    params: { type: 'string', valueName: 'P', description: 'parameters every model is sized to', default: String(COMPARISON_PARAMETERS) },
    n: { type: 'string', valueName: 'N', description: 'held-out pairs per cell', default: String(COMPARISON_EVAL_N) },
    seed: { type: 'string', valueName: 'S', description: 'seed', default: '1' },
    backend: { type: 'string', valueName: BACKENDS.join('|'), description: 'TensorFlow.js backend (default: the best that loads)' },
    out: { type: 'string', valueName: 'DIR', description: 'where cells and the table go (rerun with the same DIR to resume)', default: 'runs/multiplication-formats' },
  },
  details: `Examples:
  cotlab reproduce formats                                   # 4 formats × 3 models × 5 min ≈ 1 hour
  cotlab reproduce formats --formats stepwise,malach --models mlp --budget-minutes 1
Each finished cell is saved at once under DIR/cells/; rerunning resumes. Writes DIR/formats.md,
formats.json and formats.svg (a heat map of exact match).`,
  async run({ values, positionals, stdout, stderr, signal }) {
    if (positionals.length > 0) throw new UsageError(`reproduce formats takes no arguments, got '${positionals.join(' ')}'`);
    const formats = listOption<MultiplicationFormat>(stringOption(values, 'formats'), 'formats', MULTIPLICATION_FORMAT_NAMES, COMPARISON_FORMATS);
    const models = listOption<ModelKindName>(stringOption(values, 'models'), 'models', MODEL_KIND_NAMES, COMPARISON_MODELS);
    const digitsRaw = stringOption(values, 'digits') ?? '4x4';
    const match = /^(\d+)x(\d+)$/i.exec(digitsRaw);
    if (match === null) throw new UsageError(`--digits must look like 4x4, got '${digitsRaw}'`);
    const budgetMinutes = numberOption(values, 'budget-minutes', COMPARISON_BUDGET_MINUTES);
    if (budgetMinutes <= 0) throw new UsageError(`--budget-minutes must be > 0, got '${String(values['budget-minutes'])}'`);
    const parameters = intOption(values, 'params', COMPARISON_PARAMETERS, 1000);
    const n = intOption(values, 'n', COMPARISON_EVAL_N, 1);
    const seed = intOption(values, 'seed', 1, 0);
    const backendRaw = stringOption(values, 'backend');
    const backend = backendRaw === undefined ? undefined : choiceOption(values, 'backend', BACKENDS, 'wasm');
    const outDir = stringOption(values, 'out') ?? 'runs/multiplication-formats';
    const command = commandLine(['reproduce', 'formats'], values);
    const drawers = new Map<string, ReturnType<typeof reproduceProgress>>();
    let result;
    try {
      result = await compareFormats({
        outDir, command, formats, models, digits: [Number(match[1]), Number(match[2])], budgetMinutes, parameters, n, seed, signal,
        ...(backend === undefined ? {} : { backend }),
        onCell: (p) => {
          const name = `${String(p.cell['format'])} × ${String(p.cell['model'])}`;
          if (p.event === 'start') stderr.write(`[${p.done + 1}/${p.total}] ${name}\n`);
          else if (p.event === 'resumed') stderr.write(`[${p.done}/${p.total}] ${name}: done before (${percent(Number(p.record?.metrics['exactMatch'] ?? 0))}), skipped\n`);
          else if (p.event === 'failed') stderr.write(`[${p.done}/${p.total}] ${name}: failed: ${p.record?.error ?? ''}\n`);
          else stderr.write(`[${p.done}/${p.total}] ${name}: exact match ${percent(Number(p.record?.metrics['exactMatch'] ?? 0))}\n`);
        },
        onProgress: (cell, event) => {
          const key = JSON.stringify(cell);
          let draw = drawers.get(key);
          if (draw === undefined) {
            draw = reproduceProgress(stderr, '  ');
            drawers.set(key, draw);
          }
          draw(event);
        },
      });
    } catch (error) {
      if (error instanceof EvaluatorError) throw new UsageError(error.message.replace(/^evaluator: /u, ''));
      throw error;
    }
    stdout.write(`\nexact match on ${n} held-out pairs, ${budgetMinutes} min of training per cell:\n\n`);
    const width = Math.max(...formats.map((f) => f.length), 6);
    stdout.write(`${'format'.padEnd(width)}  ${models.map((m) => m.padStart(11)).join('  ')}\n`);
    for (const format of formats) {
      const cells = models.map((model) => {
        const row = result.table.rows.find((r) => r.cell['format'] === format && r.cell['model'] === model);
        const text = row === undefined ? '–' : row.status === 'failed' ? 'failed' : percent(Number(row.metrics['exactMatch']));
        return text.padStart(11);
      });
      stdout.write(`${format.padEnd(width)}  ${cells.join('  ')}\n`);
    }
    stdout.write(`\nreport: ${result.files.markdown} (also formats.json, formats.svg; cells in ${outDir}/cells)\n`);
    return 0;
  },
};
