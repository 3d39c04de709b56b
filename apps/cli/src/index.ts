export { main, type CliIO } from './cli.js';
export { commands } from './commands/index.js';
export { isGroup, UsageError, type CommandEntry, type CommandGroup, type CommandSpec, type OptionSpec } from './command.js';
export { version } from './version.js';
