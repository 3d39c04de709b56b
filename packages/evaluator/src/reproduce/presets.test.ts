import { describe, expect, it } from 'vitest';
import { PAPER, resolvePreset } from './presets.js';

describe('resolvePreset', () => {
  it('gives the paper preset the paper\'s configuration', () => {
    const p = resolvePreset('paper');
    expect(p.format).toBe('malach');
    expect(p.digits).toEqual([4, 4]);
    expect(p.model).toEqual({ kind: 'mlp', dim: 128 });
    expect(p.train).toMatchObject({ batchSize: 2048, lr: 1e-3, weightDecay: 0.1 });
    // 100M sequences in batches of 2048
    expect(p.train.steps * p.train.batchSize).toBeGreaterThanOrEqual(PAPER.sequences);
    expect((p.train.steps - 1) * p.train.batchSize).toBeLessThan(PAPER.sequences);
  });

  it('applies overrides field by field and keeps the rest', () => {
    const p = resolvePreset('cpu', { format: 'malach', train: { budgetSeconds: 300 }, model: { dim: 8 } });
    expect(p.format).toBe('malach');
    expect(p.train.budgetSeconds).toBe(300);
    expect(p.train.batchSize).toBe(resolvePreset('cpu').train.batchSize);
    expect(p.model).toEqual({ kind: 'mlp', dim: 8 });
  });

  it('rejects an unknown preset and bad fields, naming them', () => {
    expect(() => resolvePreset('fast')).toThrow("evaluator: 'preset' must be one of quick, cpu, paper, got 'fast'");
    expect(() => resolvePreset('quick', { train: { lr: -1 } })).toThrow(/'preset.train.lr' must be a finite number in \[0, 10\], got -1/);
    expect(() => resolvePreset('quick', { eval: { n: 0 } })).toThrow(/'preset.eval.n' must be an integer in \[1, 1000000\], got 0/);
    expect(() => resolvePreset('quick', { format: 'roman' as never })).toThrow(/'preset.format' must be one of malach, deng, stepwise, stepwise-linear, none, got 'roman'/);
    expect(() => resolvePreset('quick', { digits: [0, 2] })).toThrow(/'preset.digits\[0\]' must be an integer in \[1, 7\], got 0/);
  });
});
