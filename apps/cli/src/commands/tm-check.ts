import { existsSync } from 'node:fs';
import { looksCompact, parseCompact, SpecError, validateSpec } from '@cotlab/turing';
import { checkSpecFile } from '@cotlab/turing/node';
import { UsageError, type CommandSpec } from '../command.js';

export const tmCheckCommand: CommandSpec = {
  name: 'check',
  summary: 'validate a machine spec (JSON file or compact notation) and print every problem found',
  args: 'FILE|COMPACT',
  options: { json: { type: 'boolean', description: 'print { ok, problems } as one JSON object' } },
  details: 'Exit code 0 when the spec is valid, 1 when it has problems (one line each: path: message).',
  run({ values, positionals, stdout }) {
    const [ref, ...extra] = positionals;
    if (ref === undefined || extra.length > 0) throw new UsageError(`tm check takes one FILE or COMPACT machine, got ${positionals.length} arguments`);
    let problems;
    let summary = '';
    if (looksCompact(ref) && !existsSync(ref)) {
      try {
        const spec = parseCompact(ref);
        problems = validateSpec(spec);
        summary = `${spec.states.length} states, ${spec.tapeAlphabet.length} symbols, ${spec.transitions.length} rules`;
      } catch (error) {
        if (!(error instanceof SpecError)) throw error;
        problems = [...error.problems];
      }
    } else {
      problems = checkSpecFile(ref);
      if (problems.length === 0) summary = 'valid';
    }
    if (values['json'] === true) {
      stdout.write(`${JSON.stringify({ ok: problems.length === 0, problems })}\n`);
    } else if (problems.length === 0) {
      stdout.write(`${ref}: ok${summary === '' || summary === 'valid' ? '' : ` (${summary})`}\n`);
    } else {
      for (const p of problems) stdout.write(`${ref}: ${p.path === '' ? '' : `${p.path}: `}${p.message}\n`);
      stdout.write(`${problems.length} problem${problems.length === 1 ? '' : 's'}\n`);
    }
    return problems.length === 0 ? 0 : 1;
  },
};
