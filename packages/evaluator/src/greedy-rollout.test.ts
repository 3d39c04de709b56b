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
          greedyContinue(prompts: readonly Int32Array[], options: { maxNewTokens: number }): Int32Array[] {
            model.continueCalls += 1;
            return prompts.map((p) => Int32Array.from({ length: options.maxNewTokens }, (_, k) => (p[p.length - 1]! + 1 + k) % 4));
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

  it("uses the model's own greedyContinue when every sequence fits the context, else the reference loop", async () => {
    const fits = counter(true);
    const out = await greedyRollout(fits)([Int32Array.from([1, 2])], { maxNewTokens: 5 });
    expect(Array.from(out[0]!)).toEqual([3, 0, 1, 2, 3]);
    expect([fits.continueCalls, fits.logitCalls]).toEqual([1, 0]);
    const long = counter(true);
    await greedyRollout(long)([Int32Array.from([1, 2])], { maxNewTokens: 6 });
    expect([long.continueCalls, long.logitCalls]).toEqual([0, 6]);
  });
});
