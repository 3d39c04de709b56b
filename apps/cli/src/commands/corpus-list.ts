import { createTask, listTasks } from '@cotlab/corpus';
import type { CommandSpec } from '../command.js';

export const corpusListCommand: CommandSpec = {
  name: 'list',
  summary: 'list the tasks, their formats and parameters',
  options: { json: { type: 'boolean', description: 'print one JSON object' } },
  run({ values, stdout }) {
    const tasks = listTasks().map((info) => {
      const task = createTask(info.name, {});
      return {
        name: info.name,
        summary: info.summary,
        defaultFormat: info.defaultFormat,
        parameters: info.parameters,
        formats: task.formats.map((f) => ({ name: f, description: task.formatOf(f).description })),
      };
    });
    if (values['json'] === true) {
      stdout.write(`${JSON.stringify({ tasks })}\n`);
      return 0;
    }
    const lines: string[] = [];
    for (const t of tasks) {
      lines.push(`${t.name} — ${t.summary}`);
      lines.push(`  parameters:`);
      for (const p of t.parameters) lines.push(`    --${p.name.replace(/[A-Z]/gu, (c) => `-${c.toLowerCase()}`).padEnd(10)} ${p.description}${p.default === undefined ? '' : ` (default ${JSON.stringify(p.default)})`}`);
      lines.push(`  formats (default ${t.defaultFormat}):`);
      for (const f of t.formats) lines.push(`    ${f.name.padEnd(16)} ${f.description}`);
      lines.push('');
    }
    stdout.write(lines.join('\n'));
    return 0;
  },
};
