import type { CommandGroup } from '../command.js';
import { corpusInfoCommand } from './corpus-info.js';
import { corpusListCommand } from './corpus-list.js';
import { corpusMakeCommand } from './corpus-make.js';

export const corpusCommand: CommandGroup = {
  name: 'corpus',
  summary: 'chain-of-thought datasets: list tasks and formats, make JSONL or binary shards with a dataset card, describe a shard',
  commands: [corpusListCommand, corpusMakeCommand, corpusInfoCommand],
};
