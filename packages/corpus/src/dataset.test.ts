import { describe, expect, it } from 'vitest';
import { datasetExamples, datasetInputs, datasetSequences } from './dataset.js';
import { createSymbolEncoder } from './encode.js';
import { createMultiplicationTask } from './multiplication/task.js';
import { createTask } from './registry.js';

describe('datasets', () => {
  const task = createMultiplicationTask({ digits: '4x4', format: 'malach' });

  it('are deterministic per seed, and a split holds only its own inputs', () => {
    const a = [...datasetInputs(task, { split: 'test', count: 200, seed: 3 })];
    const b = [...datasetInputs(task, { split: 'test', count: 200, seed: 3 })];
    const c = [...datasetInputs(task, { split: 'test', count: 200, seed: 4 })];
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
    expect(a.every((x) => x.split === 'test' && task.split(x.input) === 'test')).toBe(true);
    const train = [...datasetInputs(task, { split: 'train', count: 2000, seed: 3 })].map((x) => task.keyOf(x.input));
    const testKeys = new Set(a.map((x) => task.keyOf(x.input)));
    expect(train.some((k) => testKeys.has(k))).toBe(false);
  });

  it("'all' mixes both splits with their labels, about 3:1", () => {
    const all = [...datasetInputs(task, { split: 'all', count: 4000, seed: 1 })];
    const test = all.filter((x) => x.split === 'test').length;
    expect(test / all.length).toBeGreaterThan(0.2);
    expect(test / all.length).toBeLessThan(0.3);
  });

  it('explicit inputs come back in order with their labels, whatever the split option', () => {
    const inputs = [
      { a: 1234, b: 5678 },
      { a: 1010, b: 1001 },
      { a: 5678, b: 1234 },
    ];
    const out = [...datasetInputs(task, { inputs, split: 'train' })];
    expect(out.map((x) => x.input)).toEqual(inputs);
    expect(out.map((x) => x.split)).toEqual(['test', 'train', 'train']);
  });

  it('enumerate gives the 2×2 test split exactly; unique sampling never repeats', () => {
    const t2 = createTask('multiplication', { digits: '2x2', format: 'stepwise' });
    const test = [...datasetExamples(t2, { split: 'test', order: 'enumerate' })];
    expect(test).toHaveLength(2026);
    const shuffled = [...datasetInputs(t2, { split: 'test', order: 'shuffle', seed: 9 })];
    expect(shuffled).toHaveLength(2026);
    expect(new Set(shuffled.map((x) => t2.keyOf(x.input))).size).toBe(2026);
    const uniq = [...datasetInputs(t2, { split: 'test', count: 2026, unique: true, seed: 2 })];
    expect(new Set(uniq.map((x) => t2.keyOf(x.input))).size).toBe(2026);
    expect(() => datasetInputs(t2, { split: 'test', count: 2027, unique: true })).toThrow(/at most 2026/);
  });

  it('rejects bad options before any work', () => {
    expect(() => datasetInputs(task, { split: 'train' })).toThrow(/count/);
    expect(() => datasetInputs(task, { split: 'dev' as 'train', count: 1 })).toThrow(/split/);
    expect(() => datasetInputs(task, { count: -1 })).toThrow(/count/);
    expect(() => datasetInputs(task, { order: 'shuffle' })).toThrow(/shuffle holds at most/);
  });

  it('token sequences follow the vocabulary, with both loss masks', () => {
    const enc = createSymbolEncoder(task.vocabulary());
    const [seq] = [...datasetSequences(task, { count: 1, seed: 5 })];
    const [ex] = [...datasetExamples(task, { count: 1, seed: 5 })];
    expect(Array.from(seq!.ids)).toEqual([...ex!.prompt, ...ex!.cot, ...ex!.answer].map((s) => enc.idOf(s)));
    expect(seq!.lossMask[0]).toBe(0);
    expect(seq!.lossMask.reduce((x, y) => x + y, 0)).toBe(306);
    const [masked] = [...datasetSequences(task, { count: 1, seed: 5, lossMask: 'cot-answer' })];
    expect(Array.from(masked!.lossMask.subarray(0, 11))).toEqual(new Array(11).fill(0));
    expect(masked!.lossMask.reduce((x, y) => x + y, 0)).toBe(307 - 11);
  });

  it("the malach fast id writer equals encoding the written symbols", () => {
    const enc = createSymbolEncoder(task.vocabulary());
    const writer = task.format.idWriter!(enc)!;
    const out = new Int32Array(307 + 5);
    for (const { input } of datasetInputs(task, { count: 300, seed: 8 })) {
      const ex = task.example(input);
      expect(writer.write(input, out, 5)).toBe(312);
      expect(Array.from(out.subarray(5))).toEqual([...ex.prompt, ...ex.cot, ...ex.answer].map((s) => enc.idOf(s)));
    }
    for (const shape of ['2x3', '1x1', '5x5']) {
      const t = createMultiplicationTask({ digits: shape, format: 'malach' });
      const e = createSymbolEncoder(t.vocabulary());
      const w = t.format.idWriter!(e)!;
      const input = t.drawInput({ range: (lo: number) => lo } as never);
      const buf = new Int32Array(t.format.fixedLength!);
      w.write(input, buf, 0);
      const ex = t.example(input);
      expect(Array.from(buf)).toEqual([...ex.prompt, ...ex.cot, ...ex.answer].map((s) => e.idOf(s)));
    }
  });
});
