import type { CompiledMachine } from './compile.js';
import { InputError } from './errors.js';

/**
 * An input word: an array of symbols, or a string. A string is split into characters when every
 * input symbol is a single character, and on whitespace otherwise.
 */
export type Input = string | readonly string[];

/**
 * Splits an input word into symbols (see {@link Input}).
 *
 * @example
 * inputSymbols(machine, '1011'); // ['1', '0', '1', '1']
 */
export function inputSymbols(machine: CompiledMachine, input: Input): string[] {
  if (typeof input !== 'string') return [...input];
  const singleChars = machine.spec.inputAlphabet.every((s) => Array.from(s).length === 1);
  if (singleChars) return Array.from(input);
  const trimmed = input.trim();
  return trimmed === '' ? [] : trimmed.split(/\s+/u);
}

/**
 * Maps an input word to symbol indices, rejecting (before any work) a symbol outside the input
 * alphabet with an InputError that names it and its position.
 *
 * @example
 * encodeInput(machine, '10'); // Uint8Array [2, 1] when '0' is symbol 1 and '1' symbol 2
 */
export function encodeInput(machine: CompiledMachine, input: Input): Uint8Array {
  const symbols = inputSymbols(machine, input);
  const out = new Uint8Array(symbols.length);
  symbols.forEach((symbol, i) => {
    const id = machine.symbolIndex(symbol);
    if (id < 0 || machine.isInput[id] !== 1) throw new InputError(symbol, i, machine.spec.inputAlphabet);
    out[i] = id;
  });
  return out;
}
