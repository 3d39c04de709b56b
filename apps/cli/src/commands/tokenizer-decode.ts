import { UsageError, type CommandSpec } from '../command.js';
import { positionalOrStdin, TOKENIZER_SPEC_HELP, tokenizerOption } from './tokenizer-spec.js';

/** Parses `1 2 3`, `1,2,3` or `[1, 2, 3]` into ids, naming the first bad entry. */
function parseIds(raw: string): number[] {
  const parts = raw.replace(/^\s*\[|\]\s*$/g, '').split(/[\s,]+/).filter((p) => p.length > 0);
  return parts.map((p, i) => {
    const n = Number(p);
    if (!/^\d+$/.test(p) || !Number.isSafeInteger(n)) throw new UsageError(`IDS must be non-negative integers separated by spaces or commas; entry ${i} is '${p}'`);
    return n;
  });
}

export const tokenizerDecodeCommand: CommandSpec = {
  name: 'decode',
  summary: 'print the text of token ids',
  args: 'IDS|-',
  options: {
    tokenizer: { type: 'string', valueName: 'SPEC', description: TOKENIZER_SPEC_HELP },
    json: { type: 'boolean', description: 'print the text as a JSON string' },
  },
  details: `Examples:
  cotlab tokenizer decode --tokenizer gpt2 "15496 995"
  cotlab tokenizer decode --tokenizer malach-product 1,3,4,5,6
  cotlab tokenizer encode --tokenizer gpt2 hello | cotlab tokenizer decode --tokenizer gpt2 -
IDS are separated by spaces or commas (a JSON array works too). An id outside the vocabulary fails, naming it.`,
  async run({ values, positionals, stdout }) {
    const tok = await tokenizerOption(values);
    const ids = parseIds(await positionalOrStdin(positionals, 'IDS', 'tokenizer decode'));
    const out = tok.decode(ids);
    stdout.write(values['json'] === true ? `${JSON.stringify(out)}\n` : `${out}\n`);
    return 0;
  },
};
