import type { CommandEntry } from '../command.js';
import { trainCommand } from './train.js';
import { modelCommand } from './model.js';
import { generateCommand } from './generate.js';
import { corpusCommand } from './corpus.js';
import { tmCommand } from './tm.js';
import { tokenizerCommand } from './tokenizer.js';
import { versionCommand } from './version.js';

/**
 * Every command of the CLI, in the order `cotlab --help` lists them. To add one: write
 * `commands/<name>.ts` exporting a CommandSpec (or a CommandGroup for `cotlab <group> <name>`),
 * and list it here. The docs' CLI reference is generated from this list.
 */
export const commands: readonly CommandEntry[] = [corpusCommand, tmCommand, tokenizerCommand, trainCommand, modelCommand, generateCommand, versionCommand];
