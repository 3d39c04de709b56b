import { isGroup, type CommandEntry, type CommandGroup, type CommandSpec } from './command.js';

const PROGRAM = 'cotlab';

function optionLines(spec: CommandSpec): string[] {
  const rows = Object.entries(spec.options ?? {}).map(([name, opt]) => {
    const flag = `${opt.short === undefined ? '    ' : `-${opt.short}, `}--${name}${opt.type === 'string' ? ` ${opt.valueName ?? 'VALUE'}` : ''}`;
    const dflt = opt.default === undefined ? '' : ` (default: ${String(opt.default)})`;
    return [flag, `${opt.description}${dflt}`] as const;
  });
  rows.push(['-h, --help', 'show this help'] as const);
  const width = Math.max(...rows.map(([flag]) => flag.length));
  return rows.map(([flag, text]) => `  ${flag.padEnd(width)}  ${text}`);
}

/** Help for one leaf command; `path` is e.g. ['tm', 'run']. */
export function commandHelp(path: readonly string[], spec: CommandSpec): string {
  const lines = [`Usage: ${PROGRAM} ${path.join(' ')}${spec.options ? ' [options]' : ''}${spec.args ? ` ${spec.args}` : ''}`, '', spec.summary, '', 'Options:', ...optionLines(spec)];
  if (spec.details) lines.push('', spec.details.trim());
  return `${lines.join('\n')}\n`;
}

function listing(entries: readonly CommandEntry[]): string[] {
  const width = Math.max(...entries.map((e) => e.name.length));
  return entries.map((e) => `  ${e.name.padEnd(width)}  ${e.summary}`);
}

export function groupHelp(group: CommandGroup): string {
  return `${[`Usage: ${PROGRAM} ${group.name} <command> [options]`, '', group.summary, '', 'Commands:', ...listing(group.commands), '', `Run '${PROGRAM} ${group.name} <command> --help' for a command's options.`].join('\n')}\n`;
}

export function rootHelp(entries: readonly CommandEntry[]): string {
  return `${[
    `Usage: ${PROGRAM} <command> [options]`,
    '',
    'Chain-of-thought data, next-token predictors and length complexity, after Malach (2023),',
    '"Auto-Regressive Next-Token Predictors are Universal Learners".',
    '',
    'Commands:',
    ...listing(entries),
    '',
    'Global options:',
    '  -h, --help     show help (also after any command)',
    '  -V, --version  print the version of every cotlab package and of Node.js',
    '',
    `Run '${PROGRAM} <command> --help' for a command's options.`,
  ].join('\n')}\n`;
}

export { isGroup };
