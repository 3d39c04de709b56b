import type { CommandGroup } from '../command.js';
import { reproduceFormatsCommand } from './reproduce-formats.js';
import { reproduceLengthComplexityCommand } from './reproduce-length-complexity.js';
import { reproduceMultiplicationCommand } from './reproduce-multiplication.js';
import { reproduceParityCommand } from './reproduce-parity.js';
import { reproduceTinyStoriesCommand } from './reproduce-tinystories.js';

export const reproduceCommand: CommandGroup = {
  name: 'reproduce',
  summary: "reproduce the paper's experiments end to end: data, training, evaluation, report",
  commands: [reproduceMultiplicationCommand, reproduceFormatsCommand, reproduceTinyStoriesCommand, reproduceParityCommand, reproduceLengthComplexityCommand],
};
