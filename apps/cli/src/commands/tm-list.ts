import { LIBRARY } from '@cotlab/turing';
import type { CommandSpec } from '../command.js';

export const tmListCommand: CommandSpec = {
  name: 'list',
  summary: 'list the machines of the library',
  options: { json: { type: 'boolean', description: 'print one JSON array' } },
  run({ values, stdout }) {
    const rows = LIBRARY.map((m) => ({ name: m.name, kind: m.kind, states: m.spec.states.length, symbols: m.spec.tapeAlphabet.length, rules: m.spec.transitions.length, summary: m.summary }));
    if (values['json'] === true) {
      stdout.write(`${JSON.stringify(rows)}\n`);
      return 0;
    }
    const width = Math.max(...rows.map((r) => r.name.length));
    const kindWidth = Math.max(...rows.map((r) => r.kind.length));
    for (const r of rows) stdout.write(`${r.name.padEnd(width)}  ${r.kind.padEnd(kindWidth)}  ${`${r.states}q ${r.symbols}σ ${r.rules}r`.padEnd(12)}  ${r.summary}\n`);
    return 0;
  },
};
