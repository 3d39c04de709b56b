import { EvaluatorError, MULTIPLICATION_FORMAT_NAMES, duration, percent } from '@cotlab/evaluator';
import { evaluateCheckpoint, writeReport } from '@cotlab/evaluator/node';
import { BACKENDS } from '@cotlab/models';
import { UsageError, type CommandSpec } from '../command.js';
import { choiceOption, intOption, stringOption } from '../options.js';
import { createProgressBar, type ProgressBar } from '../progress.js';
import { commandLine } from './reproduce-shared.js';

export const evalCommand: CommandSpec = {
  name: 'eval',
  summary: 'score a checkpoint on held-out examples: exact match, per-digit and per-position accuracy, first errors',
  args: 'CKPT',
  options: {
    task: { type: 'string', valueName: 'TASK', description: "task (default: the checkpoint's; multiplication)" },
    format: { type: 'string', valueName: 'F', description: `CoT format (${MULTIPLICATION_FORMAT_NAMES.join(', ')}; default: the checkpoint's)` },
    digits: { type: 'string', valueName: 'NxM', description: "operand digits (default: the checkpoint's)" },
    split: { type: 'string', valueName: 'train|test', description: 'which split to draw examples from', default: 'test' },
    n: { type: 'string', valueName: 'N', description: 'distinct examples to score', default: '1000' },
    seed: { type: 'string', valueName: 'S', description: 'seed of the example draw', default: '1' },
    'batch-size': { type: 'string', valueName: 'B', description: 'sequences per model call', default: '100' },
    backend: { type: 'string', valueName: BACKENDS.join('|'), description: 'TensorFlow.js backend (default: the best that loads)' },
    out: { type: 'string', valueName: 'DIR', description: 'also write report.json, report.md and SVG plots to DIR' },
    json: { type: 'boolean', description: 'print the report as JSON' },
  },
  details: `Examples:
  cotlab eval runs/multiplication-quick/checkpoint
  cotlab eval runs/multiplication-cpu/checkpoint --task multiplication --format stepwise --split test --n 1000 --json`,
  async run({ values, positionals, stdout, stderr, signal }) {
    const [dir, ...extra] = positionals;
    if (dir === undefined || extra.length > 0) throw new UsageError(`eval takes one checkpoint directory CKPT, got ${positionals.length} arguments`);
    const format = stringOption(values, 'format');
    const digitsRaw = stringOption(values, 'digits');
    let digits: [number, number] | undefined;
    if (digitsRaw !== undefined) {
      const match = /^(\d+)x(\d+)$/i.exec(digitsRaw);
      if (match === null) throw new UsageError(`--digits must look like 4x4, got '${digitsRaw}'`);
      digits = [Number(match[1]), Number(match[2])];
    }
    const split = choiceOption(values, 'split', ['train', 'test'] as const, 'test');
    const n = intOption(values, 'n', 1000, 1);
    const seed = intOption(values, 'seed', 1, 0);
    const batchSize = intOption(values, 'batch-size', 100, 1);
    const backendRaw = stringOption(values, 'backend');
    const backend = backendRaw === undefined ? undefined : choiceOption(values, 'backend', BACKENDS, 'wasm');
    const task = stringOption(values, 'task');
    let bar: ProgressBar | undefined;
    let phase = '';
    let report;
    try {
      report = await evaluateCheckpoint({
        dir, n, split, seed, batchSize, signal,
        command: commandLine(['eval'], values, [dir]),
        ...(task === undefined ? {} : { task }),
        ...(format === undefined ? {} : { format }),
        ...(digits === undefined ? {} : { digits }),
        ...(backend === undefined ? {} : { backend }),
        onProgress: (p) => {
          if (p.phase !== phase) {
            bar?.finish();
            phase = p.phase;
            bar = createProgressBar({ label: p.phase === 'rollout' ? 'roll out' : 'teacher-force', total: p.total, unit: 'examples', stream: stderr });
          }
          bar?.update(p.done);
        },
      });
    } catch (error) {
      if (error instanceof EvaluatorError) throw new UsageError(error.message.replace(/^evaluator: /u, ''));
      throw error;
    } finally {
      bar?.finish();
    }
    const out = stringOption(values, 'out');
    const files = out === undefined ? undefined : await writeReport(out, report);
    if (values['json'] === true) {
      stdout.write(`${JSON.stringify(report)}\n`);
      return 0;
    }
    const ev = report.evaluation;
    const lines = [
      report.title,
      `  exact match  ${percent(ev.answers.exactMatch)} (${ev.answers.exactMatchCount} of ${ev.count} ${ev.split} examples) · chance ${percent(ev.chance.exactMatch, 2)}`,
      `  per-digit    ${percent(ev.answers.digitAccuracy)} (chance ${percent(ev.chance.digitAccuracy)}) · malformed ${ev.answers.malformedCount}`,
    ];
    if (ev.teacherForced !== null) {
      lines.push(`  CoT tokens   ${percent(ev.teacherForced.tokenAccuracy, 2)} right under teacher forcing · loss ${ev.teacherForced.loss.toFixed(4)} · perplexity ${ev.teacherForced.perplexity.toFixed(3)}`);
    }
    lines.push(`  rollouts     ${ev.firstError.noError} of ${ev.count} reproduce the whole CoT · ${duration(ev.seconds)}`);
    if (files !== undefined) lines.push(`  report       ${files.markdown}`);
    stdout.write(`${lines.join('\n')}\n`);
    return 0;
  },
};
