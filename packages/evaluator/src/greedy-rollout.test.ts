import { describe, expect, it } from 'vitest';
import { greedyRollout } from './greedy-rollout.js';
import type { LogitsModel } from './model-like.js';

/** A model over 4 ids that always predicts (last id + 1) mod 4, counting its calls. */
function counter(withContinue: boolean): LogitsModel & { logitCalls: number; continueCalls: number } {
  const model = {
    config: { vocabSize: 4, contextLength: 6 },
    logitCalls: 0,
    continueCalls: 0,
    logits(batch: Int32Array[]): Float32Array[] {
      model.logitCalls += 1;
      return batch.map((seq) => {
        const rows = new Float32Array(seq.length * 4);
        seq.forEach((id, i) => (rows[i * 4 + ((id + 1) % 4)] = 1));
        return rows;
      });
    },
    ...(withContinue
      ? {
          // like the transformer's: stops where the context is full (prompt + new − 1 ≤ 6)
          greedyContinue(prompts: readonly Int32Array[], options: { maxNewTokens: number }): Int32Array[] {
            model.continueCalls += 1;
            return prompts.map((p) => Int32Array.from({ length: Math.min(options.maxNewTokens, 6 - p.length + 1) }, (_, k) => (p[p.length - 1]! + 1 + k) % 4));
          },
        }
      : {}),
  };
  return model;
}

describe('greedyRollout', () => {
  it('feeds the prefix step by step, sliding past the context', async () => {
    const model = counter(false);
    const out = await greedyRollout(model)([Int32Array.from([1, 2])], { maxNewTokens: 7 });
    expect(Array.from(out[0]!)).toEqual([3, 0, 1, 2, 3, 0, 1]);
    expect(model.logitCalls).toBe(7);
  });

  it("uses the model's own greedyContinue up to the context length, then slides the window", async () => {
    const fits = counter(true);
    const out = await greedyRollout(fits)([Int32Array.from([1, 2])], { maxNewTokens: 5 });
    expect(Array.from(out[0]!)).toEqual([3, 0, 1, 2, 3]);
    expect([fits.continueCalls, fits.logitCalls]).toEqual([1, 0]);
    // 2 prompt tokens + 5 generated fill the context of 6 (the last one is read by nobody); 2 more slide
    const long = counter(true);
    const more = await greedyRollout(long)([Int32Array.from([1, 2]), Int32Array.from([0, 1, 2, 3])], { maxNewTokens: 7 });
    expect(more.map((o) => Array.from(o))).toEqual([
      [3, 0, 1, 2, 3, 0, 1],
      [0, 1, 2, 3, 0, 1, 2],
    ]);
    expect(long.continueCalls).toBe(1);
    expect(long.logitCalls).toBe(4);
  });

  it('continues the prompts that fit with greedyContinue even when another in the batch is longer than the context', async () => {
    const model = counter(true);
    const out = await greedyRollout(model)([Int32Array.from([1, 2]), Int32Array.from([0, 1, 2, 3, 0, 1, 2])], { maxNewTokens: 3 });
    expect(out.map((o) => Array.from(o))).toEqual([
      [3, 0, 1],
      [3, 0, 1],
    ]);
    // the short prompt is done by the cache; only the long one slides, one logits call a token
    expect([model.continueCalls, model.logitCalls]).toEqual([1, 3]);
  });
});
