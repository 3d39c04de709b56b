import { expectClose } from '@cotlab/test-utils';
import { describe, expect, it } from 'vitest';
import { adamwUpdate, type AdamWCoefficients } from '../adamw.js';
import { Rng } from '../rng.js';
import { writeGradient } from '../wasm-xent-grad.js';
import { assembleKernels } from '../../scripts/simd-assemble.js';
import { KERNELS_SHARED_WASM, KERNELS_WASM } from './kernels-wasm.js';
import { addInto, kernelArrays, kernelsFor, simdSupported, sumOfSquares, viewsOnMemory } from './kernels.js';

const N = 37; // not a multiple of 4: the scalar tail runs too

function random(rng: Rng, n: number, scale = 1): Float32Array {
  return Float32Array.from({ length: n }, () => rng.normal() * scale);
}

const coefficients: AdamWCoefficients = { beta1: 0.9, beta2: 0.999, eps: 1e-8, gradScale: 0.01, stepSize: 1e-3, invSqrtBc2: 1.7 };

describe('WebAssembly SIMD kernels', () => {
  it('are what kernels.wat assembles to (run pnpm --filter @cotlab/models build:simd after editing it)', async () => {
    expect(await assembleKernels()).toEqual({ plain: KERNELS_WASM, shared: KERNELS_SHARED_WASM });
  });

  it('run here (Node ≥ 16)', () => {
    expect(simdSupported()).toBe(true);
  });

  it('adamwUpdate in SIMD matches the JavaScript loop over a range, step after step', () => {
    const rng = new Rng(5);
    const { arrays } = kernelArrays([N, N, N, N]);
    const [p, g, m, v] = arrays as [Float32Array, Float32Array, Float32Array, Float32Array];
    expect(kernelsFor(p, g, m, v)).toBeDefined();
    p.set(random(rng, N));
    const [pj, mj, vj] = [p.slice(), new Float32Array(N), new Float32Array(N)];
    expect(kernelsFor(pj, g, mj, vj)).toBeUndefined();
    for (let step = 0; step < 5; step++) {
      g.set(random(rng, N, 50));
      adamwUpdate(p, g, m, v, 3, N, coefficients, 0.99);
      adamwUpdate(pj, g.slice(), mj, vj, 3, N, coefficients, 0.99);
    }
    // float32 vs float64 arithmetic: m sums gradients of both signs (scaled ≈ 0.5), so its error is absolute
    expectClose(m, mj, { rtol: 1e-5, atol: 1e-6 });
    expectClose(v, vj, { rtol: 1e-5, atol: 1e-8 });
    expectClose(p, pj, { rtol: 1e-5, atol: 1e-6 });
    // elements before `from` are untouched
    expect(Array.from(m.subarray(0, 3))).toEqual([0, 0, 0]);
  });

  it('sumOfSquares and addInto match plain loops, on kernel memory and on plain arrays', () => {
    const rng = new Rng(6);
    const { arrays } = kernelArrays([N, N]);
    const [a, b] = arrays as [Float32Array, Float32Array];
    a.set(random(rng, N));
    b.set(random(rng, N));
    const plainA = a.slice();
    const plainB = b.slice();
    const expected = (x: Float32Array, from: number, to: number): number => x.subarray(from, to).reduce((s, t) => s + t * t, 0);
    expectClose([sumOfSquares(a), sumOfSquares(a, 2, 35)], [expected(plainA, 0, N), expected(plainA, 2, 35)], { rtol: 1e-12 });
    expectClose([sumOfSquares(plainA, 1, 30)], [expected(plainA, 1, 30)], { rtol: 1e-12 });
    addInto(a, b, 1, 34);
    addInto(plainA, plainB, 1, 34);
    expect(Array.from(a)).toEqual(Array.from(plainA));
  });

  it('the loss gradient’s JavaScript path (no SIMD) writes what the SIMD kernel writes', () => {
    const [N, V] = [37, 7];
    const rng = new Rng(8);
    const { arrays } = kernelArrays([N * V, N, N, N * V, N * V]);
    const [s, t, c, g, gT] = arrays as [Float32Array, Float32Array, Float32Array, Float32Array, Float32Array];
    s.set(random(rng, N * V).map(Math.abs));
    const targets = new Int32Array(t.buffer, t.byteOffset, N);
    for (let n = 0; n < N; n++) targets[n] = (n * 3) % V;
    c.set(random(rng, N));
    kernelsFor(s)!.xent_grad(s.byteOffset, targets.byteOffset, c.byteOffset, g.byteOffset, gT.byteOffset, N, V);
    const [gj, gTj] = [new Float32Array(N * V), new Float32Array(N * V)];
    writeGradient(s, targets, c, gj, gTj, N, V);
    expect(Array.from(g)).toEqual(Array.from(gj));
    expect(Array.from(gT)).toEqual(Array.from(gTj));
  });

  it('a second thread’s view of a shared kernel memory runs the same kernels on the same floats', () => {
    const { arrays, memory } = kernelArrays([N, N], true);
    expect(arrays[0]!.buffer).toBeInstanceOf(SharedArrayBuffer);
    arrays[0]!.fill(2);
    arrays[1]!.fill(1);
    const [a, b] = viewsOnMemory(memory!, [N, N]) as [Float32Array, Float32Array];
    addInto(a, b);
    expect(Array.from(arrays[0]!)).toEqual(new Array<number>(N).fill(3));
    expect(sumOfSquares(a)).toBe(9 * N);
  });
});
