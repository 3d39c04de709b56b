import { UsageError, type CommandSpec } from '../command.js';
import { TOKENIZER_SPEC_HELP, tokenizerOption } from './tokenizer-spec.js';

export const tokenizerInfoCommand: CommandSpec = {
  name: 'info',
  summary: 'describe a tokenizer: kind, size, special tokens, first tokens',
  options: {
    tokenizer: { type: 'string', valueName: 'SPEC', description: TOKENIZER_SPEC_HELP },
    json: { type: 'boolean', description: 'print one JSON object' },
  },
  details: `Example:
  cotlab tokenizer info --tokenizer malach-product`,
  async run({ values, positionals, stdout }) {
    if (positionals.length > 0) throw new UsageError(`tokenizer info takes no arguments, got '${positionals.join(' ')}'`);
    const tok = await tokenizerOption(values);
    const kind = (tok as { kind?: string }).kind ?? 'unknown';
    const specials: Record<string, { id: number; token: string }> = {};
    for (const [role, id] of Object.entries(tok.specialTokens) as [string, number][]) specials[role] = { id, token: tok.symbolOf(id) };
    const first = Array.from({ length: Math.min(tok.size, 20) }, (_, id) => tok.symbolOf(id));
    if (values['json'] === true) {
      stdout.write(`${JSON.stringify({ kind, size: tok.size, specialTokens: specials, first })}\n`);
      return 0;
    }
    const roles = Object.entries(specials).map(([role, s]) => `${role}=${s.id} ${JSON.stringify(s.token)}`);
    stdout.write(`kind      ${kind}\nsize      ${tok.size}\nspecials  ${roles.length === 0 ? '(none)' : roles.join(', ')}\nfirst ids ${first.map((s) => JSON.stringify(s)).join(' ')}\n`);
    return 0;
  },
};
