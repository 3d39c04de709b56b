import { describe, expect, it } from 'vitest';
import { cellId, gridCells } from './grid.js';

describe('gridCells', () => {
  it('enumerates every combination, first axis outermost', () => {
    expect(gridCells({ format: ['malach', 'none'], model: ['linear', 'mlp', 'transformer'] }).map(cellId)).toEqual([
      'format-malach__model-linear', 'format-malach__model-mlp', 'format-malach__model-transformer',
      'format-none__model-linear', 'format-none__model-mlp', 'format-none__model-transformer',
    ]);
  });
  it('rejects an empty grid, an empty axis and repeated values', () => {
    expect(() => gridCells({})).toThrow(/'axes' must be at least one axis/);
    expect(() => gridCells({ seed: [] })).toThrow(/'axes.seed' must be a non-empty list/);
    expect(() => gridCells({ seed: [1, 1] })).toThrow(/'axes.seed' must be distinct values, got \[1,1\]/);
  });
  it('makes ids safe as file names', () => {
    expect(cellId({ size: '2x2', 'lr rate': 0.001, path: 'a/b' })).toBe('size-2x2__lr_rate-0.001__path-a_b');
  });
});
