import type { CommandSpec } from '../command.js';
import { positionalOrStdin, TOKENIZER_SPEC_HELP, tokenizerOption } from './tokenizer-spec.js';

export const tokenizerEncodeCommand: CommandSpec = {
  name: 'encode',
  summary: 'print the token ids of a text',
  args: 'TEXT|-',
  options: {
    tokenizer: { type: 'string', valueName: 'SPEC', description: TOKENIZER_SPEC_HELP },
    'allow-unknown': { type: 'boolean', description: 'map symbols outside the vocabulary to its unknown token instead of failing' },
    tokens: { type: 'boolean', description: 'also print each token (id<TAB>token, one a line)' },
    json: { type: 'boolean', description: 'print one JSON object: { ids, tokens }' },
  },
  details: `Examples:
  cotlab tokenizer encode --tokenizer gpt2 "Once upon a time"
  cotlab tokenizer encode --tokenizer malach-product "[BOS] 1 2 3 4 x 5 6 7 8 ="
  cotlab tokenizer encode --tokenizer llama2c:tok512.bin --json - < story.txt
Ids are printed space-separated on one line. An unknown symbol fails, naming the symbol and its position.`,
  async run({ values, positionals, stdout }) {
    const tok = await tokenizerOption(values);
    const input = await positionalOrStdin(positionals, 'TEXT', 'tokenizer encode');
    const ids = tok.encode(input, { allowUnknown: values['allow-unknown'] === true });
    if (values['json'] === true) stdout.write(`${JSON.stringify({ ids, tokens: ids.map((id) => tok.symbolOf(id)) })}\n`);
    else if (values['tokens'] === true) stdout.write(ids.map((id) => `${id}\t${JSON.stringify(tok.symbolOf(id))}\n`).join(''));
    else stdout.write(`${ids.join(' ')}\n`);
    return 0;
  },
};
