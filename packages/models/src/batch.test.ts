import { expectClose } from '@cotlab/test-utils';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from './backend.js';
import { gradients, packBatch } from './batch.js';
import { createModel } from './create-model.js';
import { positionShares } from './position-shares.js';
import { Rng } from './rng.js';
import { tf } from './tf.js';

describe('splitting a batch’s loss by position blocks (wasm)', () => {
  beforeAll(async () => {
    await initBackend('wasm');
  });

  const model = createModel({ kind: 'mlp', vocabSize: 13, contextLength: 12, dim: 4, blocks: 4 }, { seed: 2 });
  const rng = new Rng(9);
  const sequences = (length: number) =>
    Array.from({ length: 5 }, () => ({
      ids: Int32Array.from({ length }, () => Math.floor(rng.next() * 13)),
      lossMask: Uint8Array.from({ length }, (_, i) => (i % 3 === 0 ? 0 : 1)),
    }));

  for (const length of [13, 7]) {
    it(`shares' losses and gradients add up to the whole batch’s (sequences of ${length} tokens)`, () => {
      const batch = packBatch(model, sequences(length));
      const whole = gradients(model, batch);
      const shares = positionShares(model, 2)!;
      expect(shares.flat().sort()).toEqual([0, 1, 2, 3]);
      const parts = shares.map((blocks) => gradients(model, batch, undefined, false, blocks));
      expectClose([parts[0]!.loss + parts[1]!.loss], [whole.loss], { rtol: 1e-5 });
      for (const [name, g] of whole.grads) {
        const sum = parts[0]!.grads.get(name)!.map((v, i) => v + parts[1]!.grads.get(name)![i]!);
        expectClose(sum, g, { rtol: 1e-4, atol: 1e-6 });
      }
    });
  }

  it('a share none of whose positions occur in the batch adds nothing', () => {
    const batch = packBatch(model, sequences(3)); // 2 inputs: block 0 only
    const last = gradients(model, batch, undefined, false, [3]);
    expect(last.loss).toBe(0);
    for (const g of last.grads.values()) expect(g.every((v) => v === 0)).toBe(true);
  });

  it('a share reads only the variables variablesRead names: other slabs can change without changing its loss or gradients', () => {
    const batch = packBatch(model, sequences(13));
    const read = model.variablesRead!([0, 2]);
    expect([...read].filter((n) => n.startsWith('linear1.'))).toEqual(['linear1.slab0', 'linear1.slab2']);
    expect([...model.variables.keys()].filter((n) => !n.startsWith('linear1.')).every((n) => read.has(n))).toBe(true);
    const before = gradients(model, batch, undefined, false, [0, 2]);
    const slab1 = model.variables.get('linear1.slab1')!;
    const kept = slab1.clone();
    slab1.assign(tf.mul(slab1, 3));
    const after = gradients(model, batch, undefined, false, [0, 2]);
    slab1.assign(kept);
    kept.dispose();
    expect(after.loss).toBe(before.loss);
    for (const [name, g] of before.grads) expect(Array.from(after.grads.get(name)!)).toEqual(Array.from(g));
  });

  it('a share writes into buffers of only what it reads (as a worker does), and names a variable it reads without one', () => {
    const batch = packBatch(model, sequences(13));
    const full = gradients(model, batch, undefined, false, [1, 3]);
    const read = model.variablesRead!([1, 3]);
    const only = new Map([...model.variables].filter(([name]) => read.has(name)).map(([name, v]) => [name, new Float32Array(v.size).fill(7)]));
    const part = gradients(model, batch, only, false, [1, 3]);
    expect(part.loss).toBe(full.loss);
    expect([...part.grads.keys()]).toEqual([...read]);
    for (const [name, g] of part.grads) expect(Array.from(g)).toEqual(Array.from(full.grads.get(name)!));
    only.delete('linear1.slab3');
    expect(() => gradients(model, batch, only, false, [1, 3])).toThrow(/linear1\.slab3/);
  });

  it('balances the work: slabs grow with the block’s end, so late blocks pair with early ones', () => {
    const mlp = createModel({ kind: 'mlp', vocabSize: 117, contextLength: 307, dim: 16 }, { seed: 1 });
    // 8 blocks of ≈ 38 positions: a slab's work grows with its end, 2 + 3 + 5 + 8 = 1 + 4 + 6 + 7 blocks
    expect(positionShares(mlp, 2)).toEqual([
      [1, 2, 4, 7],
      [0, 3, 5, 6],
    ]);
    expect(positionShares(mlp, 9)).toBeUndefined(); // more workers than blocks
    mlp.dispose();
  });
});
