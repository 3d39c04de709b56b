import type { ParseArgsConfig } from 'node:util';

/** One option of a command, in `node:util` parseArgs terms plus what `--help` prints. */
export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  multiple?: boolean;
  /** One line for `--help` and the docs' CLI reference. */
  description: string;
  /** Shown in help, e.g. `N` or `FILE`. */
  valueName?: string;
  default?: string | boolean;
}

export type ParsedValues = Record<string, string | boolean | (string | boolean)[] | undefined>;

/** What a command's `run` receives: parsed options and positionals, and where to write. */
export interface CommandContext {
  values: ParsedValues;
  positionals: string[];
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  /** Aborted on Ctrl-C: long work stops at the next safe point and saves what it has. */
  signal: AbortSignal;
}

/**
 * A leaf command. Each lives in its own file under `commands/`, wires library calls together and
 * prints; it holds no math. Its definition also feeds `--help` and the docs' CLI reference.
 */
export interface CommandSpec {
  name: string;
  summary: string;
  /** Positional arguments as shown in usage, e.g. `NAME|FILE`. */
  args?: string;
  options?: Record<string, OptionSpec>;
  /** Extra paragraphs for `--help`: examples, notes. */
  details?: string;
  run(ctx: CommandContext): Promise<number | undefined> | number | undefined;
}

/** A group of commands, e.g. `cotlab tm run|list|check`. */
export interface CommandGroup {
  name: string;
  summary: string;
  commands: readonly CommandSpec[];
}

export type CommandEntry = CommandSpec | CommandGroup;

export function isGroup(entry: CommandEntry): entry is CommandGroup {
  return 'commands' in entry;
}

/** A mistake in how the command was called: printed as one line, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export function toParseArgsOptions(options: Record<string, OptionSpec> = {}): NonNullable<ParseArgsConfig['options']> {
  const out: NonNullable<ParseArgsConfig['options']> = {};
  for (const [key, spec] of Object.entries(options)) {
    out[key] = {
      type: spec.type,
      ...(spec.short === undefined ? {} : { short: spec.short }),
      ...(spec.multiple === undefined ? {} : { multiple: spec.multiple }),
    };
  }
  return out;
}
