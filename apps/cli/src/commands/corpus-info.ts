import { readShardIndex } from '@cotlab/corpus/node';
import { CorpusError } from '@cotlab/corpus';
import { UsageError, type CommandSpec } from '../command.js';

export const corpusInfoCommand: CommandSpec = {
  name: 'info',
  summary: "describe a binary shard: its header (task, format, seed, vocabulary) and record counts",
  args: 'FILE.shard',
  options: { json: { type: 'boolean', description: 'print one JSON object' } },
  run({ values, positionals, stdout }) {
    const [path, ...extra] = positionals;
    if (path === undefined || extra.length > 0) throw new UsageError(`corpus info takes one shard file, got ${positionals.length} arguments`);
    let info;
    try {
      info = readShardIndex(path);
    } catch (error) {
      if (error instanceof CorpusError) throw new UsageError(error.message.replace(/^corpus: /u, ''));
      throw error;
    }
    const { header, index } = info;
    let test = 0;
    let minLen = Infinity;
    let maxLen = 0;
    for (let i = 0; i < header.count; i++) {
      test += index.splits[i]!;
      const len = index.offsets[i + 1]! - index.offsets[i]!;
      minLen = Math.min(minLen, len);
      maxLen = Math.max(maxLen, len);
    }
    const summary = { ...header, train: header.count - test, test, minLength: header.count === 0 ? 0 : minLen, maxLength: maxLen };
    if (values['json'] === true) {
      stdout.write(`${JSON.stringify(summary)}\n`);
      return 0;
    }
    const meta = header.meta;
    const vocab = Array.isArray(meta['vocabulary']) ? (meta['vocabulary'] as unknown[]).length : header.vocabSize;
    stdout.write(
      [
        `${path}: cotlab shard v${header.version}, ${header.count} records (train ${summary.train}, test ${test}), ${header.tokens} tokens as ${header.dtype}`,
        `  lengths ${summary.minLength}–${maxLen} tokens; loss mask '${header.lossMask}'; vocabulary ${vocab} symbols`,
        ...Object.entries(meta)
          .filter(([k]) => k !== 'vocabulary')
          .map(([k, v]) => `  ${k}: ${JSON.stringify(v)}`),
      ].join('\n') + '\n',
    );
    return 0;
  },
};
