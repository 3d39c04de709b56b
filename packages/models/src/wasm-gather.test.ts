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
