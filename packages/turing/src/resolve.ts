import { looksCompact, parseCompact } from './compact.js';
import { getMachine, LIBRARY } from './machines/index.js';
import type { MachineSpec } from './spec.js';

/** A machine found by name or notation, and where it came from. */
export interface ResolvedMachine {
  readonly spec: MachineSpec;
  readonly source: 'library' | 'compact' | 'file';
  /** The library name, the compact string, or the file path. */
  readonly ref: string;
}

/**
 * Finds a machine by library name or compact notation (`1RB1LB_1LA1RZ`; a malformed one throws
 * a SpecError pointing at the bad character); anything else throws an UnknownMachineError listing
 * the library's names. (`@cotlab/turing/node` adds JSON files.)
 *
 * @example
 * resolveMachine('bb4').spec;            // the library's 4-state champion
 * resolveMachine('1RB1LB_1LA1RZ').source; // 'compact'
 */
export function resolveMachine(ref: string): ResolvedMachine {
  if (LIBRARY.some((m) => m.name === ref)) return { spec: getMachine(ref).spec, source: 'library', ref };
  if (looksCompact(ref)) return { spec: parseCompact(ref), source: 'compact', ref };
  return { spec: getMachine(ref).spec, source: 'library', ref };
}
