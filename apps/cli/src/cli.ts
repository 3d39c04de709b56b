import { parseArgs } from 'node:util';
import { isGroup, toParseArgsOptions, UsageError, type CommandEntry, type CommandSpec } from './command.js';
import { commands } from './commands/index.js';
import { commandHelp, groupHelp, rootHelp } from './help.js';
import { versionReport } from './versions.js';

export interface CliIO {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  signal: AbortSignal;
}

/** Finds the command named by the leading words of argv; returns it with the words it used. */
function route(entries: readonly CommandEntry[], argv: readonly string[]): { path: string[]; entry: CommandEntry | undefined; rest: string[] } {
  const [first, second, ...rest] = argv;
  const top = entries.find((e) => e.name === first);
  if (top === undefined || !isGroup(top)) return { path: top ? [top.name] : [], entry: top, rest: argv.slice(1) };
  const leaf = top.commands.find((c) => c.name === second);
  if (leaf === undefined) return { path: [top.name], entry: top, rest: second === undefined ? [] : [second, ...rest] };
  return { path: [top.name, leaf.name], entry: leaf, rest };
}

async function runLeaf(path: string[], spec: CommandSpec, rest: string[], io: CliIO): Promise<number> {
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout.write(commandHelp(path, spec));
    return 0;
  }
  let parsed;
  try {
    parsed = parseArgs({ args: rest, options: toParseArgsOptions(spec.options), allowPositionals: true, strict: true });
  } catch (error) {
    // parseArgs' messages name the option; add where to look.
    throw new UsageError(`${(error as Error).message.split('\n')[0] ?? 'bad arguments'} (see 'cotlab ${path.join(' ')} --help')`);
  }
  const values = { ...parsed.values };
  for (const [name, opt] of Object.entries(spec.options ?? {})) {
    if (values[name] === undefined && opt.default !== undefined) values[name] = opt.default;
  }
  const code = await spec.run({ values, positionals: parsed.positionals, ...io });
  return code ?? 0;
}

/**
 * Runs the cotlab CLI on `argv` (without `node` and the script) and returns the exit code:
 * 0 success, 1 a failure of the work itself, 2 a usage error, 130 interrupted.
 */
export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  try {
    if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
      io.stdout.write(rootHelp(commands));
      return 0;
    }
    if (argv[0] === '--version' || argv[0] === '-V') {
      const report = versionReport();
      io.stdout.write(`${Object.entries(report).map(([name, v]) => `${name.padEnd(18)} ${v}`).join('\n')}\n`);
      return 0;
    }
    const { path, entry, rest } = route(commands, argv);
    if (entry === undefined) {
      throw new UsageError(`unknown command '${argv[0] ?? ''}'; commands are: ${commands.map((c) => c.name).join(', ')}`);
    }
    if (isGroup(entry)) {
      const sub = rest[0];
      if (sub === undefined || sub === '--help' || sub === '-h') {
        io.stdout.write(groupHelp(entry));
        return sub === undefined ? 2 : 0;
      }
      throw new UsageError(`unknown command '${entry.name} ${sub}'; '${entry.name}' has: ${entry.commands.map((c) => c.name).join(', ')}`);
    }
    return await runLeaf(path, entry, rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`cotlab: ${error.message}\n`);
      return 2;
    }
    if (io.signal.aborted) {
      io.stderr.write('cotlab: interrupted\n');
      return 130;
    }
    const err = error as Error;
    io.stderr.write(`cotlab: ${err.message}\n`);
    if (process.env['COTLAB_DEBUG']) io.stderr.write(`${err.stack ?? ''}\n`);
    return 1;
  }
}
