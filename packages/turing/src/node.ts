// Node-only helpers of @cotlab/turing (files); the main entry stays browser-safe.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { looksCompact } from './compact.js';
import { SpecError, TuringError, UnknownMachineError, type SpecProblem } from './errors.js';
import { machineNames } from './machines/index.js';
import { resolveMachine, type ResolvedMachine } from './resolve.js';
import type { MachineSpec } from './spec.js';
import { validateSpec } from './validate.js';

/** A spec file could not be read (missing, unreadable, or not JSON). */
export class SpecFileError extends TuringError {
  override readonly name = 'SpecFileError';
  constructor(
    readonly path: string,
    readonly reason: string,
    options?: ErrorOptions,
  ) {
    super(`turing: cannot read machine spec '${path}': ${reason}`, options);
  }
}

function readJson(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new SpecFileError(path, (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message, { cause: error });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new SpecFileError(path, `not valid JSON (${(error as Error).message})`, { cause: error });
  }
}

/**
 * Every problem of a JSON spec file (an empty list when it is valid). Throws a SpecFileError when
 * the file cannot be read or is not JSON.
 *
 * @example
 * for (const p of checkSpecFile('machine.json')) console.log(`${p.path}: ${p.message}`);
 */
export function checkSpecFile(path: string): SpecProblem[] {
  return validateSpec(readJson(path));
}

/**
 * Reads and validates a JSON spec file; throws a SpecError listing every problem.
 *
 * @example
 * const spec = readSpecFile('machine.json');
 */
export function readSpecFile(path: string): MachineSpec {
  const value = readJson(path);
  const problems = validateSpec(value);
  if (problems.length > 0) throw new SpecError(problems);
  return value as MachineSpec;
}

/**
 * Writes a spec as JSON atomically (a temporary file in the same directory, then a rename), after
 * validating it.
 *
 * @example
 * writeSpecFile('bb2.json', parseCompact('1RB1LB_1LA1RZ'));
 */
export function writeSpecFile(path: string, spec: MachineSpec): void {
  const problems = validateSpec(spec);
  if (problems.length > 0) throw new SpecError(problems);
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  writeFileSync(temp, `${JSON.stringify(spec, null, 2)}\n`);
  renameSync(temp, path);
}

/**
 * Finds a machine by library name, compact notation, or JSON file path, in that order. An
 * unknown reference that is not a file throws an UnknownMachineError listing the library's names.
 *
 * @example
 * loadMachine('bb5'); loadMachine('1RB1LB_1LA1RZ'); loadMachine('./my-machine.json');
 */
export function loadMachine(ref: string): ResolvedMachine {
  if (machineNames().includes(ref) || looksCompact(ref)) return resolveMachine(ref);
  if (existsSync(ref)) return { spec: readSpecFile(ref), source: 'file', ref };
  if (/\.json$/iu.test(ref) || /[/\\]/u.test(ref)) throw new SpecFileError(ref, 'no such file');
  throw new UnknownMachineError(ref, machineNames());
}
