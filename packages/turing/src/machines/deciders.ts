import type { MachineSpec } from '../spec.js';
import { machine } from './define.js';

/** Accepts binary words with an odd number of 1s (parity = 1), in n + 1 steps. */
export const parity: MachineSpec = machine({
  name: 'parity',
  description: 'accepts binary words with an odd number of 1s',
  inputAlphabet: ['0', '1'],
  tapeAlphabet: ['_', '0', '1'],
  blank: '_',
  start: 'even',
  accept: ['yes'],
  reject: ['no'],
  rules: ['even 0 -> 0 R even', 'even 1 -> 1 R odd', 'odd 0 -> 0 R odd', 'odd 1 -> 1 R even', 'even _ -> _ S no', 'odd _ -> _ S yes'],
});

/**
 * Accepts binary palindromes: erases the first symbol, checks it against the last, erases that,
 * and returns; O(n²) steps. The tape ends blank or with the mismatching middle.
 */
export const palindrome: MachineSpec = machine({
  name: 'palindrome',
  description: 'accepts binary palindromes',
  inputAlphabet: ['0', '1'],
  tapeAlphabet: ['_', '0', '1'],
  blank: '_',
  start: 'first',
  accept: ['yes'],
  reject: ['no'],
  rules: [
    'first 0 -> _ R have0',
    'first 1 -> _ R have1',
    'first _ -> _ S yes',
    'have0 0,1 -> . R have0',
    'have0 _ -> _ L last0',
    'have1 0,1 -> . R have1',
    'have1 _ -> _ L last1',
    'last0 0 -> _ L home',
    'last0 1 -> 1 S no',
    'last0 _ -> _ S yes',
    'last1 1 -> _ L home',
    'last1 0 -> 0 S no',
    'last1 _ -> _ S yes',
    'home 0,1 -> . L home',
    'home _ -> _ R first',
  ],
});

/**
 * Copies a binary word: `w` → `w#w`. Writes `#` after w, then carries each bit of w (marked x = 0,
 * y = 1 once copied) to the end; finally clears the marks. O(n²) steps.
 */
export const copy: MachineSpec = machine({
  name: 'copy',
  description: 'copies a binary word w to w#w',
  inputAlphabet: ['0', '1'],
  tapeAlphabet: ['_', '0', '1', '#', 'x', 'y'],
  blank: '_',
  start: 'end',
  accept: ['done'],
  rules: [
    'end 0,1 -> . R end',
    'end _ -> # L home',
    'home 0,1,# -> . L home',
    'home x,y,_ -> . R pick',
    'pick 0 -> x R carry0',
    'pick 1 -> y R carry1',
    'pick # -> # L unmark',
    'carry0 0,1,# -> . R carry0',
    'carry0 _ -> 0 L home',
    'carry1 0,1,# -> . R carry1',
    'carry1 _ -> 1 L home',
    'unmark x -> 0 L unmark',
    'unmark y -> 1 L unmark',
    'unmark _ -> _ R done',
  ],
});

/**
 * Accepts balanced parenthesis words over `(` `)`: crosses out (x) the first `)` and the nearest
 * `(` to its left, repeatedly; accepts when no `(` is left. O(n²) steps.
 */
export const balancedParentheses: MachineSpec = machine({
  name: 'balanced-parentheses',
  description: 'accepts balanced parenthesis words',
  inputAlphabet: ['(', ')'],
  tapeAlphabet: ['_', '(', ')', 'x'],
  blank: '_',
  start: 'scan',
  accept: ['yes'],
  reject: ['no'],
  rules: [
    'scan (,x -> . R scan',
    'scan ) -> x L match',
    'scan _ -> _ L final',
    'match x -> x L match',
    'match ( -> x R scan',
    'match _ -> _ S no',
    'final x -> x L final',
    'final ( -> ( S no',
    'final _ -> _ S yes',
  ],
});
