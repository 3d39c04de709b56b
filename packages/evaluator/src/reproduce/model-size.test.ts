import { parameterCount } from '@cotlab/models';
import { describe, expect, it } from 'vitest';
import { dimForParameters } from './model-size.js';

describe('dimForParameters', () => {
  it('picks the width whose parameter count is nearest the target', () => {
    const base = { kind: 'mlp' as const, vocabSize: 130, contextLength: 146 };
    const dim = dimForParameters(base, 2_000_000);
    const gap = (d: number) => Math.abs(Math.log(parameterCount({ ...base, dim: d }) / 2_000_000));
    expect(gap(dim)).toBeLessThanOrEqual(gap(dim - 1));
    expect(gap(dim)).toBeLessThanOrEqual(gap(dim + 1));
  });
});
