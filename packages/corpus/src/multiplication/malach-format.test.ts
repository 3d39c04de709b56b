import { readFileSync } from 'node:fs';
import { malachProductTokenizer } from '@cotlab/tokenizer';
import { SHARED_SKIP_REASON, sharedDir, sharedPath } from '@cotlab/test-utils';
import { describe, expect, it } from 'vitest';
import { createSymbolEncoder, toTokenSequence } from '../encode.js';
import { createMultiplicationTask } from './task.js';
import { malachLength } from './malach-format.js';

interface GoldenLine {
  a: number;
  b: number;
  product: number;
  text: string;
  ids: number[];
  length: number;
  is_train: boolean;
}

describe('malach format (shape)', () => {
  const task = createMultiplicationTask({ digits: '4x4', format: 'malach' });
  it('has the paper vocabulary, 117 symbols in the tokenizer package order', () => {
    expect(task.vocabulary()).toEqual(malachProductTokenizer().symbols);
  });
  it('writes 307 symbols for 4×4, and its length formula agrees for other sizes', () => {
    const ex = task.example({ a: 1234, b: 5678 });
    expect(ex.prompt.length + ex.cot.length + ex.answer.length).toBe(307);
    expect(ex.answer).toEqual(['0', '7', '0', '0', '6', '6', '5', '2']);
    for (const [n, m] of [[1, 1], [2, 2], [3, 5], [5, 3]] as const) {
      const t = createMultiplicationTask({ digits: [n, m], format: 'malach' });
      const e = t.example({ a: 10 ** n - 1, b: 10 ** m - 1 });
      expect(e.prompt.length + e.cot.length + e.answer.length).toBe(malachLength({ n, m }));
      expect(t.format.answerOf([...e.cot, ...e.answer])).toEqual(e.answer);
    }
  });
  it('answerOf reads the digits after the third = and rejects malformed continuations', () => {
    const ex = task.example({ a: 4321, b: 1234 });
    const cont = [...ex.cot, ...ex.answer];
    expect(task.format.answerOf(cont)).toEqual(['0', '5', '3', '3', '2', '1', '1', '4']);
    expect(task.format.answerOf([...cont, '+', '7'])).toEqual(ex.answer);
    expect(task.format.answerOf(cont.slice(0, -1))).toBeUndefined();
    expect(task.format.answerOf([...ex.cot, '5', '3', 'x', '3', '2', '1', '1', '4'])).toBeUndefined();
    expect(task.format.answerOf(ex.cot.filter((s) => s !== '='))).toBeUndefined();
  });
});

describe.skipIf(!sharedDir)(`malach format against the paper's generator (${SHARED_SKIP_REASON})`, () => {
  const lines = (): GoldenLine[] =>
    readFileSync(sharedPath('golden', 'malach-product-cot.jsonl')!, 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as GoldenLine);

  it('equals all 200 golden sequences token for token, ids and split included', () => {
    const task = createMultiplicationTask({ digits: [4, 4], format: 'malach' });
    const enc = createSymbolEncoder(task.vocabulary());
    const golden = lines();
    expect(golden).toHaveLength(200);
    for (const g of golden) {
      const ex = task.example({ a: g.a, b: g.b });
      expect(task.format.text(ex)).toBe(g.text);
      const seq = toTokenSequence(ex, enc, 'all', task.split(ex));
      expect(Array.from(seq.ids)).toEqual(g.ids);
      expect(seq.ids.length).toBe(g.length);
      expect(ex.meta['product']).toBe(g.product);
      expect(ex.meta['split']).toBe(g.is_train ? 'train' : 'test');
      expect(task.format.answerOf([...ex.cot, ...ex.answer])).toEqual(String(g.product).padStart(8, '0').split(''));
    }
  });

  it('the tokenizer package encodes the text to the same ids', () => {
    const tok = malachProductTokenizer();
    for (const g of lines().slice(0, 20)) expect(tok.encode(g.text)).toEqual(g.ids);
  });
});
