import { expectClose } from '@cotlab/test-utils';
import { describe, expect, it } from 'vitest';
import { TeacherForcedAccumulator } from './teacher-forced.js';

describe('TeacherForcedAccumulator', () => {
  it('scores masked positions with argmax accuracy and cross-entropy', () => {
    // vocab 3; ids [0, 1, 2]; row 0 predicts ids[1], row 1 predicts ids[2]
    const logits = new Float32Array([
      0, 2, 0, // predicts 1: right
      1, 1, 0, // predicts 0 (tie → lower id): wrong, truth 2
      0, 0, 0, // row 2 is unused
    ]);
    const tf = new TeacherForcedAccumulator(3);
    tf.add([0, 1, 2], logits, [0, 1, 1]);
    const r = tf.result();
    const loss1 = Math.log(Math.exp(0) + Math.exp(2) + Math.exp(0)) - 2;
    const loss2 = Math.log(Math.exp(1) + Math.exp(1) + Math.exp(0)) - 0;
    expect(r.tokens).toBe(2);
    expect(r.tokenAccuracy).toBe(0.5);
    expect(r.sequenceAccuracy).toBe(0);
    expectClose(r.loss, (loss1 + loss2) / 2, { rtol: 1e-6 });
    expectClose(r.perplexity, Math.exp((loss1 + loss2) / 2), { rtol: 1e-6 });
    expect(r.byPosition.map((p) => p.position)).toEqual([1, 2]);
    expect(r.byPosition.map((p) => p.accuracy)).toEqual([1, 0]);
    expectClose(r.byPosition.map((p) => p.loss), [loss1, loss2], { rtol: 1e-6 });
  });

  it('skips unmasked positions and averages per position over sequences', () => {
    const tf = new TeacherForcedAccumulator(2);
    tf.add([0, 1], new Float32Array([0, 3, 0, 0]), [0, 1]);
    tf.add([0, 0], new Float32Array([0, 3, 0, 0]), [0, 1]);
    tf.add([1, 1], new Float32Array([9, 0, 0, 0]), [0, 0]);
    const r = tf.result();
    expect(r.tokens).toBe(2);
    expect(r.byPosition).toHaveLength(1);
    expect(r.byPosition[0]?.count).toBe(2);
    expect(r.byPosition[0]?.accuracy).toBe(0.5);
    // the third sequence has nothing scored: it counts as right
    expect(r.sequenceAccuracy).toBeCloseTo(2 / 3, 12);
  });

  it('stays finite for extreme logits', () => {
    const tf = new TeacherForcedAccumulator(2);
    tf.add([0, 1], new Float32Array([1e30, -1e30, 0, 0]), [0, 1]);
    expect(Number.isFinite(tf.result().loss)).toBe(true);
    expect(tf.result().loss).toBeGreaterThan(1e29);
  });

  it('rejects logits too short for the ids', () => {
    const tf = new TeacherForcedAccumulator(4);
    expect(() => tf.add([0, 1, 2], new Float32Array(4), [0, 1, 1])).toThrow(/need 2 for 3 ids/);
  });
});
