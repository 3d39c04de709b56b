import { CorpusError, createTask, datasetExamples, listTasks, multiplicationOperands, type DatasetOptions, type LossMaskKind, type SplitChoice, type Task } from '@cotlab/corpus';
import { writeDataset } from '@cotlab/corpus/node';
import { looksCompact, machineNames, TuringError } from '@cotlab/turing';
import { loadMachine } from '@cotlab/turing/node';
import { UsageError, type CommandSpec, type OptionSpec } from '../command.js';
import { choiceOption, intOption, stringOption } from '../options.js';
import { createProgressBar } from '../progress.js';

/** Options that become task parameters when given (each task rejects the ones it does not know). */
const TASK_PARAMETER_OPTIONS: Record<string, OptionSpec> = {
  digits: { type: 'string', valueName: 'NxM', description: "multiplication/addition: operand digits, e.g. '4x4' (addition: N)" },
  bits: { type: 'string', valueName: 'N', description: 'parity, circuits: input bits' },
  k: { type: 'string', valueName: 'K', description: 'parity chunked: running parity every K bits' },
  machine: { type: 'string', valueName: 'NAME|FILE|COMPACT', description: 'turing: a library machine, a JSON spec file or compact notation' },
  length: { type: 'string', valueName: 'N', description: 'turing: input length (symbols)' },
  'max-steps': { type: 'string', valueName: 'N', description: 'turing: step limit per run' },
  answer: { type: 'string', valueName: 'output|outcome', description: "turing: the machine's output word or its accept/reject outcome" },
  circuit: { type: 'string', valueName: 'NAME', description: 'circuit: parity, comparison, addition or multiplication' },
};

function corpusUsage(error: unknown): never {
  if (error instanceof CorpusError) throw new UsageError(error.message.replace(/^corpus: /u, ''));
  throw error;
}

export const corpusMakeCommand: CommandSpec = {
  name: 'make',
  summary: 'make a dataset of a task: JSONL (stdout or file) and/or a binary shard, with a dataset card',
  args: 'TASK',
  options: {
    format: { type: 'string', valueName: 'F', description: 'how the CoT is written (see cotlab corpus list)' },
    n: { type: 'string', valueName: 'N', description: 'number of examples (required when sampling; a cap when enumerating)' },
    seed: { type: 'string', valueName: 'S', description: 'seed of the sampler', default: '0' },
    split: { type: 'string', valueName: 'train|test|all', description: 'which split to emit (records carry their label)', default: 'all' },
    order: { type: 'string', valueName: 'ORDER', description: "'sample' (with replacement), 'enumerate' (every input in order) or 'shuffle'", default: 'sample' },
    unique: { type: 'boolean', description: 'when sampling, never repeat an input' },
    'loss-mask': { type: 'string', valueName: 'all|cot-answer', description: "train on every position (the paper's choice) or only on CoT and answer", default: 'all' },
    out: { type: 'string', valueName: 'FILE|-', description: "JSONL destination ('-' = stdout); a name ending in .shard writes a binary shard" },
    shard: { type: 'string', valueName: 'FILE', description: 'also write a binary shard' },
    card: { type: 'string', valueName: 'PREFIX', description: 'write the dataset card to PREFIX.json and PREFIX.md (default: beside the output file)' },
    text: { type: 'boolean', description: "print each example as one line in its format's notation (with its split) instead of JSONL" },
    operands: { type: 'string', valueName: 'AxB,…', description: 'multiplication: exactly these operand pairs, in this order, with their split labels' },
    ...TASK_PARAMETER_OPTIONS,
  },
  details: `Examples:
  cotlab corpus make multiplication --digits 4x4 --format malach --n 5 --split test
  cotlab corpus make multiplication --operands 1234x5678,9999x1111 --text
  cotlab corpus make multiplication --digits 2x2 --format stepwise --order enumerate --split train --out train.shard
  cotlab corpus make parity --bits 32 --k 4 --format chunked --n 1000 --out parity.jsonl
  cotlab corpus make turing --machine binary-addition --length 9 --format snapshots --n 100
  cotlab corpus make circuit --circuit multiplication --bits 4 --n 1000 --out mul.shard
Unknown tasks, formats or parameters and impossible values are rejected before any output.`,
  async run({ values, positionals, stdout, stderr, signal }) {
    const [name, ...extra] = positionals;
    const known = listTasks().map((t) => t.name);
    if (name === undefined || extra.length > 0) throw new UsageError(`corpus make takes one TASK (${known.join(', ')}), got ${positionals.length} arguments`);
    const params: Record<string, unknown> = {};
    for (const key of Object.keys(TASK_PARAMETER_OPTIONS)) {
      const v = stringOption(values, key);
      // Option names are kebab-case, task parameters camelCase (--max-steps → maxSteps).
      if (v !== undefined) params[key.replace(/-([a-z])/gu, (_, c: string) => c.toUpperCase())] = v;
    }
    const machine = params['machine'];
    if (name === 'turing' && typeof machine === 'string' && !machineNames().includes(machine) && !looksCompact(machine)) {
      try {
        params['machine'] = loadMachine(machine).spec;
      } catch (error) {
        if (error instanceof TuringError) throw new UsageError(error.message.replace(/^turing: /u, ''));
        throw error;
      }
    }
    const format = stringOption(values, 'format');
    if (format !== undefined) params['format'] = format;
    let task: Task;
    try {
      task = createTask(name, params);
    } catch (error) {
      corpusUsage(error);
    }
    const split = choiceOption<SplitChoice>(values, 'split', ['train', 'test', 'all'], 'all');
    const order = choiceOption(values, 'order', ['sample', 'enumerate', 'shuffle'] as const, 'sample');
    const lossMask = choiceOption<LossMaskKind>(values, 'loss-mask', ['all', 'cot-answer'], 'all');
    const seed = intOption(values, 'seed', 0, Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
    const countRaw = stringOption(values, 'n');
    const count = countRaw === undefined ? undefined : intOption(values, 'n', 0, 0);
    const operandSpec = stringOption(values, 'operands');
    const options: DatasetOptions & { lossMask: LossMaskKind } = { split, order, seed, lossMask, signal };
    if (count !== undefined) options.count = count;
    if (values['unique'] === true) options.unique = true;
    if (operandSpec !== undefined) {
      if (task.name !== 'multiplication') throw new UsageError(`--operands is for task 'multiplication', not '${task.name}'`);
      try {
        options.inputs = multiplicationOperands(operandSpec, task.params['digits'] as [number, number]);
      } catch (error) {
        corpusUsage(error);
      }
    } else if (order === 'sample' && count === undefined) {
      throw new UsageError("--n is required when sampling (or use --order enumerate, or --operands)");
    }
    if (values['text'] === true) {
      if (stringOption(values, 'out') !== undefined || stringOption(values, 'shard') !== undefined) throw new UsageError('--text prints to stdout; it takes no --out or --shard');
      try {
        for (const example of datasetExamples(task, options)) stdout.write(`${String(example.meta['split'])}\t${task.format.text(example)}\n`);
      } catch (error) {
        corpusUsage(error);
      }
      return signal.aborted ? 130 : 0;
    }
    let out = stringOption(values, 'out') ?? '-';
    let shard = stringOption(values, 'shard');
    if (out.endsWith('.shard')) {
      if (shard !== undefined) throw new UsageError('give one shard destination: --out FILE.shard or --shard FILE');
      shard = out;
      out = '';
    }
    const jsonl = out === '' ? undefined : out === '-' ? stdout : out;
    const fileOut = typeof jsonl === 'string' ? jsonl : shard;
    const card = stringOption(values, 'card') ?? (fileOut === undefined ? undefined : `${fileOut.replace(/\.(jsonl|shard|json)$/u, '')}.card`);
    // Enumerating one split of the whole space: about 3/4 or 1/4 of it (the bar is a guide; the summary is exact).
    const splitShare = split === 'all' ? 1 : split === 'train' ? 0.75 : 0.25;
    const total = options.inputs?.length ?? count ?? Math.round((task.inputCount ?? 0) * splitShare);
    const bar = jsonl === stdout && !('isTTY' in stderr && stderr.isTTY === true) ? undefined : createProgressBar({ label: `${task.name}/${task.format.name}`, total, unit: 'examples', stream: stderr });
    try {
      const result = await writeDataset(task, {
        ...options,
        ...(shard === undefined ? {} : { shard }),
        ...(jsonl === undefined ? {} : { jsonl }),
        ...(card === undefined ? {} : { card }),
        progressEvery: 4096,
        onProgress: ({ done }) => bar?.update(done),
      });
      if (result.stoppedBy === 'closed-output') return 0; // the reader has what it wanted (e.g. `| head`)
      const c = result.card.counts;
      bar?.finish(`${c.total} examples (train ${c.train}, test ${c.test}), ${result.card.lengths.sequence.mean.toFixed(1)} tokens each on average${result.complete ? '' : ' — INTERRUPTED'}`);
      if (fileOut !== undefined) {
        for (const f of result.card.files) if (f.path !== '-') stderr.write(`wrote ${f.path} (${f.bytes} bytes, sha256 ${f.sha256.slice(0, 16)}…)\n`);
        if (card !== undefined) stderr.write(`wrote ${card}.json and ${card}.md\n`);
      }
      return result.complete ? 0 : 130;
    } catch (error) {
      corpusUsage(error);
    }
  },
};
