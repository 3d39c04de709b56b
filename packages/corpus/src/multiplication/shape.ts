import type { Example } from '../types.js';

/** Two operands of a multiplication. */
export interface MultiplicationInput {
  a: number;
  b: number;
}

/** Digit counts of the operands: a has n digits, b has m (zero-padded when shorter). */
export interface MultiplicationShape {
  n: number;
  m: number;
}

/** `meta` of every multiplication example. */
export function multiplicationMeta(input: MultiplicationInput): Record<string, unknown> {
  return { task: 'multiplication', a: input.a, b: input.b, product: input.a * input.b };
}

/** The operands recorded in an example's meta, if it is a multiplication example. */
export function inputOfExample(example: Example): MultiplicationInput | undefined {
  const { a, b } = example.meta;
  return typeof a === 'number' && typeof b === 'number' ? { a, b } : undefined;
}
