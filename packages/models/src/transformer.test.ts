import { expectClose } from '@cotlab/test-utils';
import { beforeAll, describe, expect, it } from 'vitest';
import { countingSequences } from './__fixtures__/counting-sequences.js';
import { initBackend } from './backend.js';
import { parameterCount } from './config.js';
import { createModel } from './create-model.js';
import { parseSafetensors, serializeSafetensors } from './safetensors.js';
import { train } from './train.js';

const config = { kind: 'transformer', vocabSize: 11, contextLength: 8, dim: 16, layers: 2, heads: 2 } as const;

describe('transformer (wasm)', () => {
  beforeAll(async () => {
    await initBackend('wasm');
  });

  it('its variables hold exactly parameterCount(config) numbers', () => {
    const model = createModel(config, { seed: 1 });
    let total = 0;
    for (const v of model.variables.values()) total += v.size;
    expect(total).toBe(parameterCount(config));
    model.dispose();
  });

  it('is causal: position i does not see later tokens', () => {
    const model = createModel(config, { seed: 1 });
    const [a, b] = model.logits([Int32Array.from([1, 2, 3, 4, 5]), Int32Array.from([1, 2, 3, 9, 0])]);
    expectClose(a!.slice(0, 33), b!.slice(0, 33), { rtol: 1e-5, atol: 1e-6 });
    expect(a!.slice(33, 44)).not.toEqual(b!.slice(33, 44));
    model.dispose();
  });

  it('learns the next-token rule', async () => {
    const model = createModel(config, { seed: 1 });
    const result = await train(model, countingSequences(64, 9, 11, 7), { steps: 40, batchSize: 8, lr: 1e-2, warmupSteps: 4 });
    expect(result.losses[0]!).toBeGreaterThan(2);
    expect(result.finalLoss).toBeLessThan(0.5);
    model.dispose();
  });

  it('greedyContinue (key/value cache) continues exactly as greedy decoding over the whole prefix', async () => {
    const model = createModel(config, { seed: 3 });
    if (model.greedyContinue === undefined) throw new Error('the transformer has greedyContinue');
    await train(model, countingSequences(32, 9, 11, 2), { steps: 10, batchSize: 8, lr: 1e-2 });
    const prompts = [Int32Array.from([1]), Int32Array.from([4, 7]), Int32Array.from([2, 5]), Int32Array.from([9, 1, 4, 7, 10])];
    const reference = prompts.map((prompt) => {
      const seq = [...prompt];
      const out: number[] = [];
      while (out.length < 6 && seq.length < config.contextLength + 1) {
        const rows = model.logits([Int32Array.from(seq)])[0]!;
        const last = Array.from(rows.slice((seq.length - 1) * 11, seq.length * 11));
        const next = last.indexOf(Math.max(...last));
        out.push(next);
        seq.push(next);
      }
      return out;
    });
    const cached = model.greedyContinue(prompts, { maxNewTokens: 6 });
    expect(cached.map((c) => Array.from(c))).toEqual(reference);
    // stops at eos, and a long prompt stops at the context length (8 positions)
    const eos = reference[1]![2]!;
    expect(Array.from(model.greedyContinue([prompts[1]!], { maxNewTokens: 6, eos })[0]!)).toEqual(reference[1]!.slice(0, reference[1]!.indexOf(eos) + 1));
    expect(reference[3]!).toHaveLength(4);
    model.dispose();
  });

  it('round-trips its weights through safetensors', () => {
    const model = createModel(config, { seed: 1 });
    const copy = createModel(config, { seed: 2 });
    copy.importWeights(parseSafetensors(serializeSafetensors(model.exportWeights())).tensors, 'memory');
    const ids = [Int32Array.from([3, 1, 4, 1, 5])];
    expectClose(copy.logits(ids)[0]!, model.logits(ids)[0]!, { rtol: 0, atol: 0 });
    model.dispose();
    copy.dispose();
  });
});
