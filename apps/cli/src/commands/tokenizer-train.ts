import { DEFAULT_MIN_FREQUENCY, GPT2_END_OF_TEXT, type TrainProgress } from '@cotlab/tokenizer';
import { saveTokenizer, trainByteLevelBpeFromFiles } from '@cotlab/tokenizer/node';
import { UsageError, type CommandSpec } from '../command.js';
import { intOption, stringOption } from '../options.js';
import { createProgressBar, type ProgressBar } from '../progress.js';

export const tokenizerTrainCommand: CommandSpec = {
  name: 'train',
  summary: 'train a byte-level BPE tokenizer (GPT-2 style) on text files and save it as tokenizer.json',
  args: 'FILES…',
  options: {
    'vocab-size': { type: 'string', valueName: 'N', description: 'target vocabulary size, special and 256 byte tokens included' },
    out: { type: 'string', valueName: 'FILE', description: 'where to write the Hugging Face tokenizer.json' },
    'min-frequency': { type: 'string', valueName: 'N', description: 'merge only pairs seen at least N times', default: String(DEFAULT_MIN_FREQUENCY) },
    special: { type: 'string', multiple: true, valueName: 'TOKEN', description: `special token (repeatable); default ${GPT2_END_OF_TEXT} as BOS and EOS` },
  },
  details: `Example:
  cotlab tokenizer train --vocab-size 4096 --out tok.json train.txt
Files are streamed (memory holds the table of distinct words, not the text). The same files and
options always give the same tokenizer. Special tokens in the text are never split into merges.
With --special, the first one is BOS and EOS.`,
  async run({ values, positionals, stderr, stdout, signal }) {
    const vocabSize = intOption(values, 'vocab-size', -1, 1);
    if (vocabSize < 0) throw new UsageError('--vocab-size is required (e.g. --vocab-size 4096)');
    const out = stringOption(values, 'out');
    if (out === undefined) throw new UsageError('--out FILE is required');
    if (positionals.length === 0) throw new UsageError('tokenizer train needs at least one text FILE');
    const minFrequency = intOption(values, 'min-frequency', DEFAULT_MIN_FREQUENCY, 1);
    const specialValues = values['special'];
    const specials = Array.isArray(specialValues) ? specialValues.filter((s): s is string => typeof s === 'string') : [];
    const first = specials[0] ?? GPT2_END_OF_TEXT;
    let bar: ProgressBar | undefined;
    let phase: TrainProgress['phase'] | undefined;
    const onProgress = (p: TrainProgress): void => {
      if (p.phase !== phase) {
        bar?.finish();
        phase = p.phase;
        bar = createProgressBar({ label: p.phase === 'count' ? 'reading' : 'merging', total: p.total, unit: p.phase === 'count' ? 'B' : 'merges', stream: stderr });
      }
      bar?.update(p.done);
    };
    const t0 = performance.now();
    const tok = await trainByteLevelBpeFromFiles(positionals, {
      vocabSize,
      minFrequency,
      specials: { bos: first, eos: first },
      extraSpecialTokens: specials.slice(1),
      onProgress,
      signal,
    });
    bar?.finish();
    await saveTokenizer(tok, out);
    const seconds = (performance.now() - t0) / 1000;
    const short = tok.size < vocabSize ? ` (fewer than ${vocabSize}: no pair left with count ≥ ${minFrequency})` : '';
    stdout.write(`wrote ${out}: ${tok.size} tokens${short}, ${tok.merges.length} merges, in ${seconds.toFixed(2)} s\n`);
    return 0;
  },
};
