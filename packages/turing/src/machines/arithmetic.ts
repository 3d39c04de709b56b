import type { MachineSpec } from '../spec.js';
import { machine } from './define.js';

const BINARY_TAPE = ['_', '0', '1'];

/**
 * Binary increment, most significant bit first: `1011` → `1100`, `111` → `1000`. The result keeps
 * the input's width unless it overflows; the empty word is 0, so it becomes `1`.
 * Steps: about 2n + 2 for an n-bit input.
 */
export const binaryIncrement: MachineSpec = machine({
  name: 'binary-increment',
  description: 'adds 1 to a binary number (most significant bit first)',
  inputAlphabet: ['0', '1'],
  tapeAlphabet: BINARY_TAPE,
  blank: '_',
  start: 'right',
  accept: ['done'],
  rules: [
    'right 0,1 -> . R right',
    'right _ -> _ L carry',
    'carry 1 -> 0 L carry',
    'carry 0,_ -> 1 S done',
  ],
});

/**
 * Binary addition `a+b` (a, b non-empty, most significant bit first) → a + b in binary, as wide as
 * the wider operand (leading zeros kept), one bit wider on overflow. Schoolbook, O(n²) steps: the
 * last bit of b is erased and added into a at the rightmost position not yet done (marked x = 0,
 * y = 1), carrying to the left; at the end the marks are cleared.
 */
export const binaryAddition: MachineSpec = machine({
  name: 'binary-addition',
  description: 'adds two binary numbers a+b (most significant bit first)',
  inputAlphabet: ['0', '1', '+'],
  tapeAlphabet: ['_', '0', '1', '+', 'x', 'y'],
  blank: '_',
  start: 'end',
  accept: ['done'],
  rules: [
    'end 0,1,+,x,y -> . R end',
    'end _ -> _ L pop',
    'pop 0 -> _ L go0',
    'pop 1 -> _ L go1',
    'pop + -> _ L clean',
    'go0 0,1 -> . L go0',
    'go0 + -> + L add0',
    'go1 0,1 -> . L go1',
    'go1 + -> + L add1',
    'add0 x,y -> . L add0',
    'add0 0,_ -> x R end',
    'add0 1 -> y R end',
    'add1 x,y -> . L add1',
    'add1 0,_ -> y R end',
    'add1 1 -> x L carry',
    'carry 1 -> 0 L carry',
    'carry 0,_ -> 1 R end',
    'clean x -> 0 L clean',
    'clean y -> 1 L clean',
    'clean 0,1 -> . L clean',
    'clean _ -> _ R done',
  ],
});

/**
 * Binary multiplication `a*b` (a, b non-empty, most significant bit first) → a · b in binary
 * without leading zeros (`0` for zero). Shift-and-add, polynomial time: an accumulator grows to
 * the left of a `=` written before a; for each bit of b (erased from the right), a is added into
 * the accumulator when the bit is 1, then the accumulator's lowest open position is frozen
 * (o = 0, i = 1), which shifts the next additions one place left. Bits of a and of the
 * accumulator already added in the current pass are marked x = 0, y = 1.
 */
export const binaryMultiplication: MachineSpec = machine({
  name: 'binary-multiplication',
  description: 'multiplies two binary numbers a*b (most significant bit first)',
  inputAlphabet: ['0', '1', '*'],
  tapeAlphabet: ['_', '0', '1', '*', '=', 'x', 'y', 'o', 'i'],
  blank: '_',
  start: 'init',
  accept: ['done'],
  rules: [
    'init 0,1,* -> . L mark',
    'mark _ -> = R end',
    'end 0,1,*,=,o,i -> . R end',
    'end _ -> _ L pop',
    'pop 0 -> _ L freeze',
    'pop 1 -> _ L toA',
    'pop * -> _ L erase',
    // b's bit is 1: add a into the accumulator, bit by bit from a's right end.
    'toA 0,1 -> . L toA',
    'toA * -> . L pick',
    'pick x,y -> . L pick',
    'pick 0 -> x L with0',
    'pick 1 -> y L with1',
    'pick = -> = R unmarkA',
    'with0 0,1 -> . L with0',
    'with0 = -> = L acc0',
    'with1 0,1 -> . L with1',
    'with1 = -> = L acc1',
    'acc0 o,i,x,y -> . L acc0',
    'acc0 0,_ -> x R back',
    'acc0 1 -> y R back',
    'acc1 o,i,x,y -> . L acc1',
    'acc1 0,_ -> y R back',
    'acc1 1 -> x L accCarry',
    'accCarry 1 -> 0 L accCarry',
    'accCarry 0,_ -> 1 R back',
    'back 0,1,x,y,o,i -> . R back',
    'back = -> = R backA',
    'backA 0,1,x,y -> . R backA',
    'backA * -> . L pick',
    // a fully added: clear the marks on a, then on the accumulator.
    'unmarkA x -> 0 R unmarkA',
    'unmarkA y -> 1 R unmarkA',
    'unmarkA * -> . L toEqL',
    'toEqL 0,1 -> . L toEqL',
    'toEqL = -> = L unmarkAcc',
    'unmarkAcc o,i -> . L unmarkAcc',
    'unmarkAcc x -> 0 L unmarkAcc',
    'unmarkAcc y -> 1 L unmarkAcc',
    'unmarkAcc 0,1,_ -> . R toEqR',
    'toEqR 0,1,o,i -> . R toEqR',
    'toEqR = -> = L frozen',
    // Freeze the accumulator's lowest open position.
    'freeze 0,1,* -> . L freeze',
    'freeze = -> = L frozen',
    'frozen o,i -> . L frozen',
    'frozen 0,_ -> o R end',
    'frozen 1 -> i R end',
    // b exhausted: erase a and '=', turn the accumulator back into bits, strip leading zeros.
    'erase 0,1 -> _ L erase',
    'erase = -> _ L thaw',
    'thaw o -> 0 L thaw',
    'thaw i -> 1 L thaw',
    'thaw 0,1 -> . L thaw',
    'thaw _ -> _ R strip',
    'strip 0 -> _ R strip',
    'strip 1 -> 1 S done',
    'strip _ -> 0 S done',
  ],
});
