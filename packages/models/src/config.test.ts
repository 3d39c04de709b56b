import { describe, expect, it } from 'vitest';
import { estimateMemory, microBatchSize, parameterCount, storedMaskedWeights, validateModelConfig, WASM_MEMORY_LIMIT } from './config.js';
import { ModelConfigError } from './errors.js';

describe('parameterCount (the paper\'s way: unmasked weights only, nothing allocated)', () => {
  it('TinyStories linear model, T=64, d=256, V=50,258: ≈ 162.1M', () => {
    const n = parameterCount({ kind: 'linear', vocabSize: 50258, contextLength: 64, dim: 256 });
    expect(n).toBe(((64 * 65) / 2) * 256 * 256 + 64 * 256 + 2 * 50258 * 256 + 50258);
    expect((n / 1e6).toFixed(1)).toBe('162.1');
  });

  it('multiplication MLP, T=307, d=128, V=117: ≈ 774.7M', () => {
    const n = parameterCount({ kind: 'mlp', vocabSize: 117, contextLength: 307, dim: 128 });
    expect(n).toBe(((307 * 308) / 2) * 128 * 128 + 307 * 128 + 128 * 128 + 128 + 2 * 117 * 128 + 117);
    expect((n / 1e6).toFixed(1)).toBe('774.7');
  });

  it('the golden small models', () => {
    expect(parameterCount({ kind: 'linear', vocabSize: 13, contextLength: 6, dim: 4 })).toBe(21 * 16 + 24 + 2 * 13 * 4 + 13);
    expect(parameterCount({ kind: 'mlp', vocabSize: 17, contextLength: 5, dim: 3 })).toBe(15 * 9 + 15 + 9 + 3 + 2 * 17 * 3 + 17);
  });
});

describe('block-triangular storage', () => {
  it('stores (K+1)/2K of the dense map for K equal blocks, and exactly the triangle for K = T', () => {
    expect(storedMaskedWeights(64, 32, 8)).toBe(((64 * 32) ** 2 * 9) / 16);
    expect(storedMaskedWeights(6, 2, 6)).toBe(((6 * 7) / 2) * 4);
    expect(storedMaskedWeights(6, 2, 1)).toBe(144);
  });
});

describe('validateModelConfig', () => {
  it('fills defaults', () => {
    expect(validateModelConfig({ kind: 'mlp', vocabSize: 117, contextLength: 307, dim: 16 })).toMatchObject({ blocks: 8 });
  });

  it('rejects an unknown kind and impossible sizes, naming the field and both values', () => {
    expect(() => validateModelConfig({ kind: 'rnn', vocabSize: 1, contextLength: 1, dim: 1 })).toThrow(
      "models: config field 'kind' must be one of linear, mlp, transformer, got 'rnn'",
    );
    expect(() => validateModelConfig({ kind: 'mlp', vocabSize: 0, contextLength: 1, dim: 1 })).toThrow(/field 'vocabSize' must be an integer in \[1, 16777216\], got 0/);
    expect(() => validateModelConfig({ kind: 'mlp', vocabSize: 2, contextLength: 1.5, dim: 1 })).toThrow(/'contextLength'.*got 1.5/);
    expect(() => validateModelConfig({ kind: 'transformer', vocabSize: 2, contextLength: 4, dim: 6, heads: 4 })).toThrow(ModelConfigError);
    expect(() => validateModelConfig({ kind: 'linear', vocabSize: 2, contextLength: 4, dim: 6, blocks: 5 })).toThrow(/'blocks'/);
  });
});

describe('estimateMemory', () => {
  it('refuses the paper multiplication MLP on WebAssembly before allocating', () => {
    const m = estimateMemory({ kind: 'mlp', vocabSize: 117, contextLength: 307, dim: 128 }, 128);
    expect(m.total).toBeGreaterThan(WASM_MEMORY_LIMIT);
    expect(m.optimizer).toBe(2 * m.weights);
  });

  it('a CPU-sized config fits', () => {
    expect(estimateMemory({ kind: 'mlp', vocabSize: 512, contextLength: 64, dim: 32 }, 128).total).toBeLessThan(256 * 2 ** 20);
  });
});

describe('assertFitsMemory', () => {
  it('stops the paper multiplication MLP on wasm, naming the field and the size', async () => {
    const { assertFitsMemory, MODEL_PRESETS } = await import('./presets.js');
    expect(() => assertFitsMemory(MODEL_PRESETS['paper-multiplication'], 128, 'wasm')).toThrow(/'dim' must be small enough .* needs ≈ \d+\.\d GiB\), got 128/);
    expect(() => assertFitsMemory(MODEL_PRESETS['cpu-multiplication'], 128, 'wasm')).not.toThrow();
  });
});

describe('microBatchSize', () => {
  const transformer = { kind: 'transformer', vocabSize: 512, contextLength: 64, dim: 384, layers: 5, heads: 6 } as const;
  it('keeps a batch whole when it fits, and splits one whose activations would not', () => {
    expect(microBatchSize({ kind: 'mlp', vocabSize: 117, contextLength: 46, dim: 16 }, 64)).toBe(64);
    const split = microBatchSize(transformer, 64);
    expect(split).toBeGreaterThanOrEqual(1);
    expect(split).toBeLessThan(64);
    expect(estimateMemory(transformer, split).activations).toBeLessThanOrEqual(1.5 * 2 ** 30);
    expect(estimateMemory(transformer, split + 1).activations).toBeGreaterThan(1.5 * 2 ** 30);
  });
  it('never goes below one sequence', () => {
    expect(microBatchSize(transformer, 64, 1)).toBe(1);
  });
});
