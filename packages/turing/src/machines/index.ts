import { UnknownMachineError } from '../errors.js';
import type { MachineSpec } from '../spec.js';
import { binaryAddition, binaryIncrement, binaryMultiplication } from './arithmetic.js';
import { BUSY_BEAVERS, busyBeaverSpec, type BusyBeaver } from './busy-beaver.js';
import { balancedParentheses, copy, palindrome, parity } from './deciders.js';
import { referenceFor, type Expected } from './reference.js';

/** A machine of the library, with what it computes. */
export interface LibraryMachine {
  readonly name: string;
  readonly summary: string;
  /** 'function': the answer is the output; 'decider': the answer is accept/reject; 'busy-beaver': runs on a blank tape. */
  readonly kind: 'function' | 'decider' | 'busy-beaver';
  readonly spec: MachineSpec;
  /**
   * A direct implementation of what the machine computes, for tests and CoT answers: the expected
   * acceptance and output on an input word (in the machine's domain). Undefined for busy beavers.
   */
  readonly reference?: (input: string) => Expected;
  /** Every input word of the machine's domain with at most `maxLength` symbols, shortest first. */
  readonly inputs?: (maxLength: number) => string[];
  /** For busy beavers: the known step count and ones. */
  readonly busyBeaver?: BusyBeaver;
}

function words(alphabet: readonly string[], maxLength: number): string[] {
  const out = [''];
  let layer = [''];
  for (let n = 1; n <= maxLength; n++) {
    layer = layer.flatMap((w) => alphabet.map((a) => w + a));
    out.push(...layer);
  }
  return out;
}

/** Words `a<op>b` with a, b non-empty binary and |a| + |b| + 1 ≤ maxLength. */
function binaryPairs(op: string, maxLength: number): string[] {
  const out: string[] = [];
  const bins = words(['0', '1'], Math.max(0, maxLength - 2)).filter((w) => w !== '');
  for (const a of bins) for (const b of bins) if (a.length + b.length + 1 <= maxLength) out.push(`${a}${op}${b}`);
  return out.sort((x, y) => x.length - y.length);
}

const binaryWords = (maxLength: number): string[] => words(['0', '1'], maxLength);

/** Every machine of the library, in the order `cotlab tm list` shows them. */
export const LIBRARY: readonly LibraryMachine[] = [
  { name: 'binary-increment', summary: 'w ↦ w + 1 in binary (MSB first, width kept unless it overflows)', kind: 'function', spec: binaryIncrement, reference: referenceFor.increment, inputs: binaryWords },
  { name: 'binary-addition', summary: 'a+b ↦ a + b in binary (as wide as the wider operand)', kind: 'function', spec: binaryAddition, reference: referenceFor.addition, inputs: (n) => binaryPairs('+', n) },
  { name: 'binary-multiplication', summary: 'a*b ↦ a · b in binary (no leading zeros), shift-and-add', kind: 'function', spec: binaryMultiplication, reference: referenceFor.multiplication, inputs: (n) => binaryPairs('*', n) },
  { name: 'parity', summary: 'accepts binary words with an odd number of 1s', kind: 'decider', spec: parity, reference: referenceFor.parity, inputs: binaryWords },
  { name: 'palindrome', summary: 'accepts binary palindromes', kind: 'decider', spec: palindrome, reference: referenceFor.palindrome, inputs: binaryWords },
  { name: 'copy', summary: 'w ↦ w#w for binary w', kind: 'function', spec: copy, reference: referenceFor.copy, inputs: binaryWords },
  { name: 'balanced-parentheses', summary: 'accepts balanced words over ( and )', kind: 'decider', spec: balancedParentheses, reference: referenceFor.balanced, inputs: (n) => words(['(', ')'], n) },
  ...BUSY_BEAVERS.map(
    (bb): LibraryMachine => ({
      name: `bb${bb.states}`,
      summary: `${bb.states}-state busy beaver: ${bb.steps.toLocaleString('en-US')} steps, ${bb.ones} ones (${bb.compact})`,
      kind: 'busy-beaver',
      spec: busyBeaverSpec(bb),
      busyBeaver: bb,
    }),
  ),
];

/** Names of the library's machines. */
export function machineNames(): string[] {
  return LIBRARY.map((m) => m.name);
}

/**
 * A library machine by name; an unknown name throws an UnknownMachineError listing the available ones.
 *
 * @example
 * run(getMachine('palindrome').spec, '0110').accepted; // true
 */
export function getMachine(name: string): LibraryMachine {
  const found = LIBRARY.find((m) => m.name === name);
  if (found === undefined) throw new UnknownMachineError(name, machineNames());
  return found;
}
