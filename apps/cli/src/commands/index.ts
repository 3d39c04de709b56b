import type { CommandEntry } from '../command.js';
import { compileCommand } from './compile.js';
import { corpusCommand } from './corpus.js';
import { generateCommand } from './generate.js';
import { modelCommand } from './model.js';
import { trainCommand } from './train.js';
import { evalCommand } from './eval.js';
import { reproduceCommand } from './reproduce.js';
import { tmCommand } from './tm.js';
import { tokenizerCommand } from './tokenizer.js';
import { versionCommand } from './version.js';

/**
 * Every command of the CLI, in the order `cotlab --help` lists them. To add one: write
 * `commands/<name>.ts` exporting a CommandSpec (or a CommandGroup for `cotlab <group> <name>`),
 * and list it here. The docs' CLI reference is generated from this list.
 */
export const commands: readonly CommandEntry[] = [compileCommand, corpusCommand, evalCommand, reproduceCommand, tmCommand, tokenizerCommand, trainCommand, modelCommand, generateCommand, versionCommand];
