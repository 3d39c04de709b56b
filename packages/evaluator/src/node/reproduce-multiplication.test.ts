import { parameterCount, WASM_MEMORY_LIMIT } from '@cotlab/models';
import { describe, expect, it } from 'vitest';
import { BudgetError } from '../errors.js';
import { multiplicationData } from '../reproduce/multiplication-data.js';
import { PAPER, resolvePreset } from '../reproduce/presets.js';
import { checkMemory, presetModelConfig } from './reproduce-multiplication.js';

describe('the paper preset', () => {
  const preset = resolvePreset('paper');
  const config = presetModelConfig(preset, multiplicationData(preset.digits, preset.format));

  it('builds the paper\'s model: T = 307, d = 128, V = 117, ≈ 775M parameters', () => {
    expect(config).toEqual({ kind: 'mlp', vocabSize: 117, contextLength: 307, dim: 128 });
    const count = parameterCount(config);
    expect(Math.abs(count - PAPER.parameters) / PAPER.parameters).toBeLessThan(0.01);
  });

  it('stops before allocating on WebAssembly and states the memory it needs', () => {
    let error: unknown;
    try {
      checkMemory(config, preset.train.batchSize, 'wasm', 'the paper preset');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(BudgetError);
    const budget = error as BudgetError;
    expect(budget.availableBytes).toBe(WASM_MEMORY_LIMIT);
    // weights, gradients and two AdamW moments of ≥ 775M floats alone are ≥ 12.4 GB
    expect(budget.requiredBytes).toBeGreaterThan(4 * 4 * PAPER.parameters);
    expect(budget.message).toMatch(/the paper preset needs about \d+\.\d GiB of memory, but the 'wasm' backend can hold 4\.0 GiB; stopped before allocating/);
  });

  it('lets the quick preset through on WebAssembly', () => {
    const quick = resolvePreset('quick');
    const bytes = checkMemory(presetModelConfig(quick, multiplicationData(quick.digits, quick.format)), quick.train.batchSize, 'wasm');
    expect(bytes).toBeLessThan(WASM_MEMORY_LIMIT);
  });
});
