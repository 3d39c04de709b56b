import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from './backend.js';
import { tf } from './tf.js';

describe('GatherV2 on WebAssembly (row copies for the embedding case)', () => {
  beforeAll(async () => {
    await initBackend('wasm');
  });

  it('copies whole rows for ids of any shape, repeated ids included, in float32 and int32', () => {
    const table = tf.tensor3d(Float32Array.from({ length: 5 * 2 * 3 }, (_, i) => i * 0.5 - 3), [5, 2, 3]);
    const ids = tf.tensor2d([4, 0, 4, 2, 1, 4], [2, 3], 'int32');
    const out = tf.gather(table, ids);
    expect(out.shape).toEqual([2, 3, 2, 3]);
    const rows = table.arraySync();
    expect(out.arraySync()).toEqual([[rows[4], rows[0], rows[4]], [rows[2], rows[1], rows[4]]]);
    const ints = tf.tensor2d([1, 2, 3, 4], [2, 2], 'int32');
    expect(tf.gather(ints, tf.tensor1d([1, 1, 0], 'int32')).arraySync()).toEqual([[3, 4], [3, 4], [1, 2]]);
  });

  it('leaves other axes to the original kernel', () => {
    const x = tf.tensor2d([1, 2, 3, 4, 5, 6], [2, 3]);
    expect(tf.gather(x, tf.tensor1d([2, 0], 'int32'), 1).arraySync()).toEqual([[3, 1], [6, 4]]);
  });

  it('names an id outside the table', () => {
    const table = tf.zeros([3, 2]);
    expect(() => tf.gather(table, tf.tensor1d([0, 3], 'int32'))).toThrow(/index value 3 at position 1 is not in \[0, 2\]/);
  });
});

describe('Slice on WebAssembly (bulk memory copies)', () => {
  beforeAll(async () => {
    await initBackend('wasm');
  });

  const m = (rows: number, cols: number, dtype: 'float32' | 'int32' = 'float32'): tf.Tensor2D =>
    tf.tensor2d(Array.from({ length: rows * cols }, (_, i) => (dtype === 'int32' ? i : i * 0.5 - 7)), [rows, cols], dtype);

  it('copies a block of a matrix (rows with a stride), in float32 and int32', () => {
    const x = m(5, 7);
    const rows = x.arraySync();
    expect(tf.slice(x, [1, 2], [3, 4]).arraySync()).toEqual(rows.slice(1, 4).map((r) => r.slice(2, 6)));
    expect(tf.slice(x, [0, 0], [5, 3]).arraySync()).toEqual(rows.map((r) => r.slice(0, 3)));
    const ints = m(4, 6, 'int32');
    expect(tf.slice(ints, [2, 1], [2, 5]).arraySync()).toEqual(ints.arraySync().slice(2, 4).map((r) => r.slice(1, 6)));
  });

  it('copies contiguous slices of any rank, and empty ones', () => {
    const x = tf.tensor3d(Array.from({ length: 4 * 3 * 2 }, (_, i) => i), [4, 3, 2]);
    expect(tf.slice(x, [1, 0, 0], [2, 3, 2]).arraySync()).toEqual(x.arraySync().slice(1, 3));
    expect(Array.from(tf.slice(tf.range(0, 10), 3, 4).dataSync())).toEqual([3, 4, 5, 6]);
    expect(tf.slice(m(3, 3), [1, 0], [0, 3]).shape).toEqual([0, 3]);
  });

  it('leaves other cases to the original kernel (a strided rank-3 slice, booleans)', () => {
    const x = tf.tensor3d(Array.from({ length: 2 * 3 * 4 }, (_, i) => i), [2, 3, 4]);
    expect(tf.slice(x, [0, 1, 1], [2, 2, 2]).arraySync()).toEqual(x.arraySync().map((a) => a.slice(1, 3).map((r) => r.slice(1, 3))));
    expect(Array.from(tf.slice(tf.tensor1d([true, false, true], 'bool'), 1, 2).dataSync())).toEqual([0, 1]);
  });
});

describe('Concat on WebAssembly (bulk memory copies)', () => {
  beforeAll(async () => {
    await initBackend('wasm');
  });

  it('joins along any axis, skipping empty inputs, in float32 and int32', () => {
    const a = tf.tensor2d([1, 2, 3, 4, 5, 6], [2, 3]);
    const b = tf.tensor2d([7, 8], [2, 1]);
    expect(tf.concat([a, b, tf.zeros([2, 0])], 1).arraySync()).toEqual([
      [1, 2, 3, 7],
      [4, 5, 6, 8],
    ]);
    expect(tf.concat([a, tf.tensor2d([9, 9, 9], [1, 3])], 0).arraySync()).toEqual([
      [1, 2, 3],
      [4, 5, 6],
      [9, 9, 9],
    ]);
    const x = tf.tensor3d(Array.from({ length: 8 }, (_, i) => i), [2, 2, 2], 'int32');
    const y = tf.tensor3d(Array.from({ length: 4 }, (_, i) => 10 + i), [2, 1, 2], 'int32');
    expect(tf.concat([x, y], 1).arraySync()).toEqual([
      [[0, 1], [2, 3], [10, 11]],
      [[4, 5], [6, 7], [12, 13]],
    ]);
  });

  it('leaves booleans to the original kernel', () => {
    expect(Array.from(tf.concat([tf.tensor1d([true], 'bool'), tf.tensor1d([false, true], 'bool')]).dataSync())).toEqual([1, 0, 1]);
  });
});
