import type { CommandSpec } from '../command.js';
import { versionReport } from '../versions.js';

export const versionCommand: CommandSpec = {
  name: 'version',
  summary: 'print the version of every cotlab package and of Node.js',
  options: { json: { type: 'boolean', description: 'print one JSON object' } },
  run({ values, stdout }) {
    const report = versionReport();
    stdout.write(
      values['json'] === true
        ? `${JSON.stringify(report)}\n`
        : `${Object.entries(report).map(([name, v]) => `${name.padEnd(18)} ${v}`).join('\n')}\n`,
    );
    return 0;
  },
};
