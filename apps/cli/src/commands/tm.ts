import type { CommandGroup } from '../command.js';
import { tmCheckCommand } from './tm-check.js';
import { tmListCommand } from './tm-list.js';
import { tmRunCommand } from './tm-run.js';

export const tmCommand: CommandGroup = {
  name: 'tm',
  summary: 'Turing machines: list the library, run a machine (optionally as CoT tokens), check a spec',
  commands: [tmListCommand, tmRunCommand, tmCheckCommand],
};
