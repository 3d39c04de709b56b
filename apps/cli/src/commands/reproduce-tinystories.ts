import { join } from 'node:path';
import { percent } from '@cotlab/evaluator';
import { reproduceTinyStories, TINYSTORIES_PRESET_CONFIGS, TINYSTORIES_PRESETS, writeTinyStoriesReport } from '@cotlab/evaluator/tinystories';
import { BACKENDS, initBackend } from '@cotlab/models';
import { UsageError, type CommandSpec } from '../command.js';
import { choiceOption, intOption, numberOption, stringOption } from '../options.js';
import { createProgressBar, type ProgressBar } from '../progress.js';
import { findSharedDir } from '../shared-dir.js';
import { commandLine } from './reproduce-shared.js';

export const reproduceTinyStoriesCommand: CommandSpec = {
  name: 'tinystories',
  summary: "the paper's linear model on TinyStories, against n-gram baselines, an MLP and a transformer, in bits per byte",
  options: {
    preset: { type: 'string', valueName: TINYSTORIES_PRESETS.join('|'), description: 'quick: ≈ 4 minutes; cpu: ≈ 50 minutes, three model classes; paper: the exact paper model', default: 'quick' },
    data: { type: 'string', valueName: 'DIR', description: 'a directory with a training and a validation file (.txt or .parquet); default: ../shared samples, else download' },
    tokenizer: { type: 'string', valueName: 'SPEC', description: "tok512 | gpt2 | bpe-N | a tokenizer file; default: the preset's" },
    'budget-scale': { type: 'string', valueName: 'X', description: "multiply every model's training time budget by X" },
    seed: { type: 'string', valueName: 'S', description: 'seed of initialisation, data order and sampling' },
    backend: { type: 'string', valueName: BACKENDS.join('|'), description: 'TensorFlow.js backend (default: the best that loads)' },
    shared: { type: 'string', valueName: 'DIR', description: 'the shared data folder (default: $COTLAB_SHARED or a shared/ beside the checkout)' },
    out: { type: 'string', valueName: 'DIR', description: 'where checkpoints and the report go (default: runs/tinystories-PRESET)' },
    json: { type: 'boolean', description: 'print the report as JSON instead of the summary' },
  },
  details: `Examples:
  cotlab reproduce tinystories                     # quick: linear model vs unigram/bigram/KN-3, ≈ 4 minutes
  cotlab reproduce tinystories --preset cpu        # linear, MLP, transformer (≈ 8.6 M parameters each) vs KN up to 5-grams
  cotlab reproduce tinystories --data ~/TinyStories --tokenizer gpt2
Training resumes from its checkpoints in --out when the same command is run again after Ctrl-C.`,
  async run({ values, positionals, stdout, stderr, signal }) {
    if (positionals.length > 0) throw new UsageError(`reproduce tinystories takes no arguments, got '${positionals.join(' ')}'`);
    const presetName = choiceOption(values, 'preset', TINYSTORIES_PRESETS, 'quick');
    const budgetScale = numberOption(values, 'budget-scale', 1);
    if (budgetScale <= 0) throw new UsageError(`--budget-scale must be > 0, got '${String(values['budget-scale'])}'`);
    const seed = intOption(values, 'seed', 0, 0);
    const preferred = values['backend'] === undefined ? undefined : choiceOption(values, 'backend', BACKENDS, 'wasm');
    const outDir = stringOption(values, 'out') ?? join('runs', `tinystories-${presetName}`);
    const data = stringOption(values, 'data');
    const tokenizer = stringOption(values, 'tokenizer');
    const sharedDir = findSharedDir(stringOption(values, 'shared'));
    const backend = await initBackend(preferred);
    const bars = new Map<string, ProgressBar>();
    let download: ProgressBar | undefined;
    const report = await reproduceTinyStories({
        preset: TINYSTORIES_PRESET_CONFIGS[presetName],
        outDir,
        backend,
        budgetScale,
        seed,
        signal,
        command: commandLine(['reproduce', 'tinystories'], { ...values, json: undefined }),
        ...(data === undefined ? {} : { data }),
        ...(tokenizer === undefined ? {} : { tokenizer }),
        ...(sharedDir === undefined ? {} : { sharedDir }),
        onStage: (stage) => {
          for (const bar of bars.values()) bar.finish();
          bars.clear();
          stderr.write(`${stage}\n`);
        },
        onDownload: (file, bytes, total) => {
          download ??= createProgressBar({ label: `download ${file}`, total, unit: 'bytes', stream: stderr });
          download.update(bytes);
          if (bytes >= total) download = (download.finish(), undefined);
        },
        onTrainProgress: (name, p) => {
          let bar = bars.get(name);
          if (bar === undefined) bars.set(name, (bar = createProgressBar({ label: `train ${name}`, total: p.steps, unit: 'steps', stream: stderr })));
          bar.update(p.step, `loss ${p.loss.toFixed(3)} · ${Math.round(p.tokensPerSecond)} tok/s`);
        },
      });
      for (const bar of bars.values()) bar.finish();
      const files = await writeTinyStoriesReport(report, outDir);
      if (values['json'] === true) {
        stdout.write(`${JSON.stringify(report)}\n`);
        return 0;
      }
      const lines = [
        `TinyStories (${report.preset}) on backend ${report.machine.backend}: ${report.data.trainDocuments} training stories, held-out ${report.data.validTokens} tokens`,
        ...report.baselines.map((b) => `  ${b.name.padEnd(28)} ${b.bitsPerByte.toFixed(3)} bits/byte`),
        ...report.models.map((m) => `  ${m.name.padEnd(28)} ${m.bitsPerByte.toFixed(3)} bits/byte  (${m.parameters.toLocaleString('en-US')} parameters, ${m.steps} steps)`),
        report.goal.linearBeatsBestBaseline === null
          ? ''
          : `linear vs best baseline (${report.goal.bestBaseline}): ${report.goal.linearBitsPerByte?.toFixed(3)} vs ${report.goal.bestBaselineBitsPerByte.toFixed(3)} bits/byte — ${report.goal.linearBeatsBestBaseline ? 'beats it' : 'does not beat it'} (${percent((report.goal.linearBitsPerByte ?? 0) / report.goal.bestBaselineBitsPerByte - 1)} relative)`,
        ...report.models.slice(0, 1).flatMap((m) => (m.stories[0] ? [`sample (${m.name}): ${m.stories[0].text.replace(/\s+/g, ' ').slice(0, 300)}`] : [])),
        `report: ${files.join(', ')}`,
      ];
      stdout.write(`${lines.filter((l) => l !== '').join('\n')}\n`);
      return 0;
  },
};
