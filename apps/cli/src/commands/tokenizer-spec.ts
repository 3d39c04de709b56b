import { text } from 'node:stream/consumers';
import type { Tokenizer } from '@cotlab/tokenizer';
import { loadTokenizer } from '@cotlab/tokenizer/node';
import { UsageError, type ParsedValues } from '../command.js';
import { stringOption } from '../options.js';

/** What `--tokenizer` accepts, for help texts. */
export const TOKENIZER_SPEC_HELP = "a tokenizer.json (or SentencePiece .model) file or directory, 'gpt2', 'malach-product' or 'llama2c:PATH' (llama2.c tokenizer.bin)";

/** Loads the tokenizer named by the required `--tokenizer` option. */
export async function tokenizerOption(values: ParsedValues): Promise<Tokenizer> {
  const spec = stringOption(values, 'tokenizer');
  if (spec === undefined) throw new UsageError(`--tokenizer is required: ${TOKENIZER_SPEC_HELP}`);
  return loadTokenizer(spec);
}

/** The single positional argument, or stdin when it is `-`. */
export async function positionalOrStdin(positionals: readonly string[], what: string, command: string): Promise<string> {
  if (positionals.length !== 1) throw new UsageError(`${command} takes one ${what} argument (or '-' for stdin), got ${positionals.length}; quote text with spaces`);
  const arg = positionals[0]!;
  return arg === '-' ? text(process.stdin) : arg;
}
