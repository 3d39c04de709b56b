import { BudgetError, EvaluatorError, MODEL_KIND_NAMES, MULTIPLICATION_FORMAT_NAMES, PAPER, PRESET_NAMES, duration, percent, resolvePreset, type PresetOverrides } from '@cotlab/evaluator';
import { reproduceMultiplication } from '@cotlab/evaluator/node';
import { BACKENDS } from '@cotlab/models';
import { UsageError, type CommandSpec } from '../command.js';
import { choiceOption, intOption, numberOption, stringOption } from '../options.js';
import { commandLine, reproduceProgress } from './reproduce-shared.js';

export const reproduceMultiplicationCommand: CommandSpec = {
  name: 'multiplication',
  summary: "the paper's main experiment: build the data, train, evaluate on held-out pairs, write a report",
  options: {
    preset: { type: 'string', valueName: PRESET_NAMES.join('|'), description: 'quick: 2×2 in a few minutes; cpu: best 4×4 in an hour; paper: the exact paper run', default: 'quick' },
    format: { type: 'string', valueName: 'F', description: `CoT format (${MULTIPLICATION_FORMAT_NAMES.join(', ')}); default: the preset's` },
    model: { type: 'string', valueName: 'KIND', description: `model class (${MODEL_KIND_NAMES.join(', ')}); default: the preset's` },
    dim: { type: 'string', valueName: 'D', description: "model width; default: the preset's" },
    digits: { type: 'string', valueName: 'NxM', description: "operand digits, e.g. 3x3; default: the preset's" },
    'budget-minutes': { type: 'string', valueName: 'M', description: 'train for as many steps as fit M minutes (measured on this machine)' },
    steps: { type: 'string', valueName: 'N', description: 'optimizer steps (with a budget: at most N)' },
    'batch-size': { type: 'string', valueName: 'B', description: 'sequences per step' },
    lr: { type: 'string', valueName: 'LR', description: 'peak learning rate' },
    n: { type: 'string', valueName: 'N', description: 'held-out pairs to evaluate' },
    seed: { type: 'string', valueName: 'S', description: 'seed of data, initialisation and order' },
    workers: { type: 'string', valueName: 'W', description: 'data-parallel worker threads' },
    backend: { type: 'string', valueName: BACKENDS.join('|'), description: 'TensorFlow.js backend (default: the best that loads)' },
    out: { type: 'string', valueName: 'DIR', description: 'where the report and checkpoint go (default: runs/multiplication-PRESET)' },
    json: { type: 'boolean', description: 'print the report as JSON instead of the summary' },
  },
  details: `Examples:
  cotlab reproduce multiplication                       # quick: 2×2 digits, ≈ 99% exact match in minutes
  cotlab reproduce multiplication --preset cpu          # best 4×4 result in an hour on 2 cores
  cotlab reproduce multiplication --preset cpu --format malach   # the paper's CoT, same budget
  cotlab reproduce multiplication --preset paper        # the paper's exact run (native/GPU backend)
The report (report.json, report.md, SVG plots) and a checkpoint are written to --out.
Ctrl-C stops training at the next step and evaluates what was learned.`,
  async run({ values, positionals, stdout, stderr, signal }) {
    if (positionals.length > 0) throw new UsageError(`reproduce multiplication takes no arguments, got '${positionals.join(' ')}'`);
    const presetName = choiceOption(values, 'preset', PRESET_NAMES, 'quick');
    const overrides: PresetOverrides = { model: {}, train: {}, eval: {} };
    const format = stringOption(values, 'format');
    if (format !== undefined) overrides.format = choiceOption(values, 'format', MULTIPLICATION_FORMAT_NAMES, 'malach');
    const kind = stringOption(values, 'model');
    if (kind !== undefined) overrides.model!.kind = choiceOption(values, 'model', MODEL_KIND_NAMES, 'mlp');
    if (values['dim'] !== undefined) overrides.model!.dim = intOption(values, 'dim', 1, 1, 4096);
    const digits = stringOption(values, 'digits');
    if (digits !== undefined) {
      const match = /^(\d+)x(\d+)$/i.exec(digits);
      if (match === null) throw new UsageError(`--digits must look like 4x4, got '${digits}'`);
      overrides.digits = [Number(match[1]), Number(match[2])];
    }
    if (values['budget-minutes'] !== undefined) {
      const minutes = numberOption(values, 'budget-minutes', 5);
      if (minutes <= 0) throw new UsageError(`--budget-minutes must be > 0, got '${String(values['budget-minutes'])}'`);
      overrides.train!.budgetSeconds = minutes * 60;
    }
    if (values['steps'] !== undefined) overrides.train!.steps = intOption(values, 'steps', 1, 1);
    if (values['batch-size'] !== undefined) overrides.train!.batchSize = intOption(values, 'batch-size', 1, 1);
    if (values['lr'] !== undefined) overrides.train!.lr = numberOption(values, 'lr', 1e-3);
    if (values['workers'] !== undefined) overrides.train!.workers = intOption(values, 'workers', 1, 1, 256);
    if (values['n'] !== undefined) overrides.eval!.n = intOption(values, 'n', 1, 1);
    if (values['seed'] !== undefined) overrides.seed = intOption(values, 'seed', 0, 0);
    const backendRaw = stringOption(values, 'backend');
    const backend = backendRaw === undefined ? undefined : choiceOption(values, 'backend', BACKENDS, 'wasm');
    let preset;
    try {
      preset = resolvePreset(presetName, overrides);
    } catch (error) {
      if (error instanceof EvaluatorError) throw new UsageError(error.message.replace(/^evaluator: /u, ''));
      throw error;
    }
    const outDir = stringOption(values, 'out') ?? `runs/multiplication-${preset.name}`;
    const command = commandLine(['reproduce', 'multiplication'], { ...values, preset: presetName });
    const started = performance.now();
    let result;
    try {
      result = await reproduceMultiplication({
        preset, outDir, command, signal, onProgress: reproduceProgress(stderr),
        ...(backend === undefined ? {} : { backend }),
      });
    } catch (error) {
      if (error instanceof BudgetError) {
        stderr.write(`cotlab: ${error.message.replace(/^evaluator: /u, '')}\n`);
        return 1;
      }
      throw error;
    }
    const { report, files } = result;
    if (values['json'] === true) {
      stdout.write(`${JSON.stringify(report)}\n`);
      return 0;
    }
    const ev = report.evaluation;
    const t = report.training;
    const cfg = report.model.config;
    const lines = [
      '',
      `cotlab reproduce multiplication · preset ${preset.name}`,
      `  task      ${preset.digits[0]}×${preset.digits[1]}-digit multiplication, ${preset.format} CoT (${cfg.contextLength} tokens), held-out pairs of the paper's split rule`,
      `  model     ${cfg.kind}, d = ${cfg.dim}, ${report.model.parameterCount.toLocaleString('en-US')} parameters, backend ${report.machine?.backend ?? '?'}`,
      t === undefined ? '' : `  training  ${t.steps.toLocaleString('en-US')} steps × ${t.batchSize} = ${t.sequences.toLocaleString('en-US')} sequences in ${duration(t.seconds)}${t.stoppedEarly ? ' (stopped early)' : ''}, final loss ${t.finalLoss.toFixed(4)}`,
      `  result    exact match ${percent(ev.answers.exactMatch)} (${ev.answers.exactMatchCount} of ${ev.count} held-out pairs) · chance ${percent(ev.chance.exactMatch, 2)}`,
      `            per-digit ${percent(ev.answers.digitAccuracy)} (chance ${percent(ev.chance.digitAccuracy)})${ev.teacherForced === null ? '' : ` · CoT tokens right under teacher forcing ${percent(ev.teacherForced.tokenAccuracy, 2)}`}`,
      `  time      ${duration((performance.now() - started) / 1000)} in all (evaluation ${duration(ev.seconds)})`,
      `  report    ${files.markdown} (also report.json and ${Object.keys(files.plots).length} SVG plots); checkpoint in ${outDir}/checkpoint`,
      `  paper     ${percent(PAPER.exactMatch)} exact match on 4×4 with a ${(PAPER.parameters / 1e6).toFixed(0)}M-parameter MLP after ${(PAPER.sequences / 1e6).toFixed(0)}M sequences (≈ 17 h on an A100)`,
      '',
    ];
    stdout.write(lines.filter((l) => l !== '').join('\n') + '\n');
    return 0;
  },
};
