import { beforeAll, describe, expect, it, vi } from 'vitest';
import { initBackend } from './backend.js';
import { createModel } from './create-model.js';
import { generate } from './generate.js';
import { countingSequences } from './__fixtures__/counting-sequences.js';
import { train } from './train.js';
import type { Model } from './model.js';

describe('generate (wasm)', () => {
  let model: Model;
  beforeAll(async () => {
    await initBackend('wasm');
    model = createModel({ kind: 'mlp', vocabSize: 11, contextLength: 8, dim: 16, blocks: 3 }, { seed: 1 });
    await train(model, countingSequences(64, 9, 11, 7), { steps: 60, batchSize: 16, lr: 3e-2, warmupSteps: 5 });
  });

  it('greedy continues the learned rule, batched over prompts of different lengths', () => {
    const out = generate(model, [Int32Array.from([2]), Int32Array.from([1, 4, 7])], { maxNewTokens: 4 });
    expect(Array.from(out[0]!)).toEqual([5, 8, 0, 3]);
    expect(Array.from(out[1]!)).toEqual([10, 2, 5, 8]);
  });

  it('matches one-at-a-time greedy decoding and slides the context past contextLength', () => {
    const prompts = [Int32Array.from([3, 6]), Int32Array.from([0])];
    const batched = generate(model, prompts, { maxNewTokens: 12 });
    prompts.forEach((p, i) => expect(generate(model, [p], { maxNewTokens: 12 })[0]).toEqual(batched[i]));
    expect(batched[0]!.length).toBe(12);
  });

  it('stops at eos (kept as the last token) and at stopAt ids', () => {
    const [a] = generate(model, [Int32Array.from([2])], { maxNewTokens: 10, eos: 0 });
    expect(Array.from(a!)).toEqual([5, 8, 0]);
    const [b] = generate(model, [Int32Array.from([2])], { maxNewTokens: 10, stopAt: [8] });
    expect(Array.from(b!)).toEqual([5, 8]);
  });

  it('samples reproducibly from a seed; top-k = 1 is greedy', () => {
    const prompts = [Int32Array.from([1]), Int32Array.from([4])];
    const s1 = generate(model, prompts, { maxNewTokens: 6, temperature: 5, seed: 3 });
    const s2 = generate(model, prompts, { maxNewTokens: 6, temperature: 5, seed: 3 });
    expect(s1).toEqual(s2);
    const s3 = generate(model, prompts, { maxNewTokens: 6, temperature: 5, seed: 4 });
    expect(s3).not.toEqual(s1);
    expect(generate(model, prompts, { maxNewTokens: 6, temperature: 5, topK: 1, seed: 9 })).toEqual(generate(model, prompts, { maxNewTokens: 6 }));
  });

  it('rejects bad arguments naming them', () => {
    expect(() => generate(model, [Int32Array.from([1])], { maxNewTokens: -1 })).toThrow(/maxNewTokens must be an integer ≥ 0, got -1/);
    expect(() => generate(model, [Int32Array.from([12])], { maxNewTokens: 1 })).toThrow(/prompts\[0\]\[0\] must be an id in \[0, 10\], got 12/);
  });

  it("greedy decoding through the transformer's key/value cache gives the tokens of full-prefix decoding, also past the context", async () => {
    const transformer = createModel({ kind: 'transformer', vocabSize: 11, contextLength: 8, dim: 16, heads: 2, layers: 1 }, { seed: 4 });
    await train(transformer, countingSequences(32, 9, 11, 5), { steps: 8, batchSize: 8, lr: 1e-2 });
    // the same model without its cache: generate falls back to one full forward per token
    const plain = Object.create(transformer) as Model;
    Object.defineProperty(plain, 'greedyContinue', { value: undefined });
    const cached = vi.spyOn(transformer as Required<Model>, 'greedyContinue');
    const prompts = [Int32Array.from([3]), Int32Array.from([1, 4, 7, 10]), Int32Array.from([2, 2, 2, 2, 2, 2, 2, 2, 2])];
    for (const maxNewTokens of [0, 1, 5, 12]) {
      expect(generate(transformer, prompts, { maxNewTokens })).toEqual(generate(plain, prompts, { maxNewTokens }));
    }
    expect(cached).toHaveBeenCalledTimes(3);
    const eos = generate(plain, prompts, { maxNewTokens: 12 })[1]![2]!;
    expect(generate(transformer, prompts, { maxNewTokens: 12, eos })).toEqual(generate(plain, prompts, { maxNewTokens: 12, eos }));
    transformer.dispose();
  });
});
