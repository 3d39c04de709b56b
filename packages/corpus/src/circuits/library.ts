import { InvalidParameterError } from '../errors.js';
import { CircuitBuilder, type ThresholdCircuit } from './circuit.js';

/**
 * Adds gates computing bit k of an integer V = Σ wᵢ·nodeᵢ (non-negative weights, V ≤ max): the
 * gates hₜ = [V ≥ t·2^k] for t = 1 … ⌊max/2^k⌋, then [Σ (−1)^(t+1) hₜ ≥ 1], which is 1 iff
 * ⌊V/2^k⌋ is odd. Depth 2, ⌊max/2^k⌋ + 1 gates. Returns the bit's node.
 *
 * @example const b = new CircuitBuilder('bit1', 3); b.output(addBitGates(b, [[0, 1], [1, 1], [2, 1]], 1, 3, 'twos')); // bit 1 of x₀+x₁+x₂
 */
export function addBitGates(b: CircuitBuilder, terms: readonly (readonly [number, number])[], k: number, max: number, label: string): number {
  const unit = 2 ** k;
  const steps = Math.floor(max / unit);
  const levels: number[] = [];
  for (let t = 1; t <= steps; t++) levels.push(b.gate(terms, t * unit, `${label}≥${t}·2^${k}`));
  return b.gate(levels.map((node, i) => [node, i % 2 === 0 ? 1 : -1] as const), 1, label);
}

/**
 * Parity of n bits with n + 1 threshold gates: hₜ = [Σx ≥ t] for t = 1 … n, then the
 * alternating sum of the hₜ (1 iff the count of ones is odd).
 *
 * @example evaluateCircuit(parityCircuit(3), [1, 1, 1]).outputs // [1]
 */
export function parityCircuit(n: number): ThresholdCircuit {
  const b = new CircuitBuilder(`parity-${n}`, n);
  b.output(addBitGates(b, Array.from({ length: n }, (_, i) => [i, 1] as const), 0, n, 'parity'));
  return b.build();
}

/**
 * Comparison x ≥ y of two n-bit numbers (inputs x₀…x_{n−1}, y₀…y_{n−1}, least significant
 * first) with one gate: [Σ 2^i·xᵢ − Σ 2^i·yᵢ ≥ 0].
 *
 * @example evaluateCircuit(comparisonCircuit(2), [1, 0, 0, 1]).outputs // [0]: 1 ≥ 2 is false
 */
export function comparisonCircuit(n: number): ThresholdCircuit {
  const b = new CircuitBuilder(`comparison-${n}`, 2 * n);
  const terms = [...Array.from({ length: n }, (_, i) => [i, 2 ** i] as const), ...Array.from({ length: n }, (_, i) => [n + i, -(2 ** i)] as const)];
  b.output(b.gate(terms, 0, 'x≥y'));
  return b.build();
}

/**
 * Addition of two n-bit numbers (least significant first) with 2n + 1 gates: carries
 * c_{i+1} = [Σ_{j≤i} 2^j·(xⱼ + yⱼ) ≥ 2^{i+1}], then sum bits sᵢ = [xᵢ + yᵢ + cᵢ − 2·c_{i+1} ≥ 1],
 * and s_n = c_n. Outputs n + 1 bits, least significant first.
 *
 * @example evaluateCircuit(additionCircuit(2), [1, 1, 1, 0]).outputs // [0, 0, 1]: 3 + 1 = 4
 */
export function additionCircuit(n: number): ThresholdCircuit {
  const b = new CircuitBuilder(`addition-${n}`, 2 * n);
  const carries: number[] = [];
  for (let i = 0; i < n; i++) {
    const terms: [number, number][] = [];
    for (let j = 0; j <= i; j++) terms.push([j, 2 ** j], [n + j, 2 ** j]);
    carries.push(b.gate(terms, 2 ** (i + 1), `carry${i + 1}`));
  }
  for (let i = 0; i < n; i++) {
    const terms: [number, number][] = [[i, 1], [n + i, 1], [carries[i]!, -2]];
    if (i > 0) terms.push([carries[i - 1]!, 1]);
    b.output(b.gate(terms, 1, `sum${i}`));
  }
  b.output(b.gate([[carries[n - 1]!, 1]], 1, `sum${n}`));
  return b.build();
}

/**
 * Multiplication of two n-bit numbers (least significant first): partial products
 * p_ij = [xᵢ + yⱼ ≥ 2], then output bit k of Σ 2^{i+j}·p_ij by {@link addBitGates} over the
 * terms with i + j ≤ k (higher terms are multiples of 2^{k+1}). Outputs 2n bits.
 *
 * @example evaluateCircuit(multiplicationCircuit(2), [1, 1, 1, 1]).outputs // [1, 0, 0, 1]: 3 · 3 = 9
 */
export function multiplicationCircuit(n: number): ThresholdCircuit {
  const b = new CircuitBuilder(`multiplication-${n}`, 2 * n);
  const p: number[][] = [];
  for (let i = 0; i < n; i++) {
    p.push([]);
    for (let j = 0; j < n; j++) p[i]!.push(b.gate([[i, 1], [n + j, 1]], 2, `x${i}·y${j}`));
  }
  for (let k = 0; k < 2 * n; k++) {
    const terms: [number, number][] = [];
    let max = 0;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        if (i + j <= k) {
          terms.push([p[i]![j]!, 2 ** (i + j)]);
          max += 2 ** (i + j);
        }
      }
    }
    b.output(addBitGates(b, terms, k, max, `bit${k}`));
  }
  return b.build();
}

export const CIRCUITS = ['parity', 'comparison', 'addition', 'multiplication'] as const;
export type CircuitName = (typeof CIRCUITS)[number];

/** Upper bounds on bits, keeping weights exact and circuits a reasonable size. */
export const MAX_CIRCUIT_BITS: Readonly<Record<CircuitName, number>> = { parity: 4096, comparison: 50, addition: 50, multiplication: 16 };

/**
 * A circuit of the library by name and input size (bits per operand).
 * @example circuitByName('addition', 4).gates.length // 9
 */
export function circuitByName(name: CircuitName, bits: number): ThresholdCircuit {
  const max = MAX_CIRCUIT_BITS[name];
  if (!(Number.isSafeInteger(bits) && bits >= 1 && bits <= max)) throw new InvalidParameterError('circuit', 'bits', `an integer in [1, ${max}] for circuit '${name}'`, bits);
  switch (name) {
    case 'parity':
      return parityCircuit(bits);
    case 'comparison':
      return comparisonCircuit(bits);
    case 'addition':
      return additionCircuit(bits);
    case 'multiplication':
      return multiplicationCircuit(bits);
  }
}
