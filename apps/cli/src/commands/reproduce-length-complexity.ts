import { directorySweepStore, runLengthComplexityExperiment, TRACE_LONGER_BY, TRACE_MACHINE, TRACE_TRAIN_LENGTH } from '@cotlab/evaluator/theory';
import { UsageError, type CommandSpec } from '../command.js';
import { intOption, stringOption } from '../options.js';
import { commandLine } from './reproduce-shared.js';
import { finishTheory, listOption, THEORY_OPTIONS, theoryOptions, theoryProgress } from './reproduce-parity.js';

/** Per-cell wall-clock cap: trace sequences are 2–8× longer than parity's, so steps cost more. */
const TRACE_BUDGET_SECONDS = 90;
/** Embedding width: traces of ~300–400 tokens keep the masked map (T·d)²/2 near 5M weights at d = 8. */
const TRACE_DIM = 8;

/** Trace encodings of the corpus Turing task, the formats of this experiment. */
const TRACE_FORMATS = ['none', 'transitions', 'snapshots', 'incremental'] as const;

export const reproduceLengthComplexityCommand: CommandSpec = {
  name: 'length-complexity',
  summary: 'compiled constructions (T and parameters vs n, checked), and learning a Turing machine from its trace in each encoding',
  options: {
    ...THEORY_OPTIONS,
    out: { ...THEORY_OPTIONS['out']!, default: 'apps/docs/results/length-complexity' },
    'budget-seconds': { ...THEORY_OPTIONS['budget-seconds']!, default: String(TRACE_BUDGET_SECONDS) },
    dim: { ...THEORY_OPTIONS['dim']!, default: String(TRACE_DIM) },
    machine: { type: 'string', valueName: 'NAME', description: 'library machine whose traces are learned', default: TRACE_MACHINE },
    'train-length': { type: 'string', valueName: 'L', description: 'input length of training and held-out inputs', default: String(TRACE_TRAIN_LENGTH) },
    'longer-by': { type: 'string', valueName: 'K', description: 'also score held-out inputs K symbols longer (0: no)', default: String(TRACE_LONGER_BY) },
    'compiled-lengths': { type: 'string', valueName: 'LIST', description: 'compile the machine for every input word up to each of these lengths and check it against the simulator', default: '3,4,5' },
    formats: { type: 'string', valueName: 'LIST', description: `trace encodings, comma-separated (${TRACE_FORMATS.join(', ')})`, default: TRACE_FORMATS.join(',') },
  },
  details: `The full run (4 encodings × 2 models × 3 seeds = 24 cells) takes about 40 min on 2 cores with the
default 90 s cap per cell, plus about a minute of compiled checks. Finished cells are stored; rerunning resumes
(use a new --store after changing the recipe).
Examples:
  cotlab reproduce length-complexity
  cotlab reproduce length-complexity --train-length 6 --formats none,transitions --models linear --seeds 1 --steps 100 --out /tmp/lc`,
  async run({ values, stdout, stderr, signal }) {
    const o = theoryOptions(values, 'apps/docs/results/length-complexity', { budgetSeconds: TRACE_BUDGET_SECONDS, dim: TRACE_DIM });
    const report = await runLengthComplexityExperiment({
      machine: stringOption(values, 'machine') ?? TRACE_MACHINE,
      trainLength: intOption(values, 'train-length', TRACE_TRAIN_LENGTH, 3, 64),
      longerBy: intOption(values, 'longer-by', TRACE_LONGER_BY, 0, 64),
      formats: listOption(values, 'formats', TRACE_FORMATS, TRACE_FORMATS),
      compiledLengths: listOption(values, 'compiled-lengths', ['3', '4', '5']).map((s) => {
        const n = Number(s);
        if (!Number.isSafeInteger(n) || n < 1 || n > 8) throw new UsageError(`--compiled-lengths values must be integers in [1, 8], got '${s}'`);
        return n;
      }),
      models: o.models, seeds: o.seeds, recipe: o.recipe, store: directorySweepStore(o.store), signal,
      onProgress: theoryProgress(stderr), command: commandLine(['reproduce', 'length-complexity'], values),
    });
    await finishTheory(report, o.out, stdout);
    return 0;
  },
};
