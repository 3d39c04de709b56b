import { DEFAULT_MIN_FREQUENCY, GPT2_END_OF_TEXT, type TrainProgress } from '@cotlab/tokenizer';
import { statSync } from 'node:fs';
import type { Tokenizer } from '@cotlab/tokenizer';
import { charTokenizerFromFiles, saveTokenizer, saveTokenizerDir, trainByteLevelBpeFromFiles } from '@cotlab/tokenizer/node';
import { UsageError, type CommandSpec } from '../command.js';
import { choiceOption, intOption, stringOption } from '../options.js';
import { createProgressBar, type ProgressBar } from '../progress.js';

/** `--out` names a directory (ending in '/' or existing): write tokenizer.json + tokenizer_config.json there. */
async function save(tok: Tokenizer, out: string): Promise<void> {
  const isDir = out.endsWith('/') || (statSync(out, { throwIfNoEntry: false })?.isDirectory() ?? false);
  await (isDir ? saveTokenizerDir(tok, out) : saveTokenizer(tok, out));
}

/** The unknown token of character vocabularies made by the CLI. */
const CHAR_UNK = '<unk>';

export const tokenizerTrainCommand: CommandSpec = {
  name: 'train',
  summary: 'train a byte-level BPE (GPT-2 style) or character tokenizer on text files and save it as tokenizer.json',
  args: 'FILES…',
  options: {
    type: { type: 'string', valueName: 'TYPE', description: "'bpe' (byte-level BPE) or 'char' (one token per character, plus <unk>)", default: 'bpe' },
    'vocab-size': { type: 'string', valueName: 'N', description: 'bpe: target vocabulary size, special and 256 byte tokens included; char: at most N tokens (the most frequent characters)' },
    out: { type: 'string', valueName: 'FILE|DIR/', description: "where to write the Hugging Face tokenizer.json; a directory (ending in '/') gets tokenizer.json and tokenizer_config.json" },
    'min-frequency': { type: 'string', valueName: 'N', description: 'merge only pairs seen at least N times', default: String(DEFAULT_MIN_FREQUENCY) },
    special: { type: 'string', multiple: true, valueName: 'TOKEN', description: `special token (repeatable); default ${GPT2_END_OF_TEXT} as BOS and EOS` },
  },
  details: `Examples:
  cotlab tokenizer train --vocab-size 4096 --out tok.json train.txt
  cotlab tokenizer train --type char --out chars.json train.txt
Files are streamed (memory holds the table of distinct words, not the text). The same files and
options always give the same tokenizer. Special tokens in the text are never split into merges.
With --special, the first one is BOS and EOS.`,
  async run({ values, positionals, stderr, stdout, signal }) {
    const type = choiceOption(values, 'type', ['bpe', 'char'] as const, 'bpe');
    const vocabSize = intOption(values, 'vocab-size', -1, 1);
    if (vocabSize < 0 && type === 'bpe') throw new UsageError('--vocab-size is required (e.g. --vocab-size 4096)');
    const out = stringOption(values, 'out');
    if (out === undefined) throw new UsageError('--out FILE is required');
    if (positionals.length === 0) throw new UsageError('tokenizer train needs at least one text FILE');
    const minFrequency = intOption(values, 'min-frequency', DEFAULT_MIN_FREQUENCY, 1);
    const specialValues = values['special'];
    const specials = Array.isArray(specialValues) ? specialValues.filter((s): s is string => typeof s === 'string') : [];
    if (type === 'char') {
      const t0 = performance.now();
      let reading: ProgressBar | undefined;
      const tok = await charTokenizerFromFiles(positionals, {
        specials: { unk: CHAR_UNK, ...(specials[0] === undefined ? {} : { bos: specials[0], eos: specials[0] }) },
        ...(vocabSize < 0 ? {} : { maxSize: vocabSize }),
        signal,
        onProgress: (p) => {
          reading ??= createProgressBar({ label: 'reading', total: p.total, unit: 'B', stream: stderr });
          reading.update(p.done);
        },
      });
      reading?.finish();
      await save(tok, out);
      stdout.write(`wrote ${out}: ${tok.size} tokens (characters and ${CHAR_UNK}), in ${((performance.now() - t0) / 1000).toFixed(2)} s\n`);
      return 0;
    }
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
    await save(tok, out);
    const seconds = (performance.now() - t0) / 1000;
    const short = tok.size < vocabSize ? ` (fewer than ${vocabSize}: no pair left with count ≥ ${minFrequency})` : '';
    stdout.write(`wrote ${out}: ${tok.size} tokens${short}, ${tok.merges.length} merges, in ${seconds.toFixed(2)} s\n`);
    return 0;
  },
};
