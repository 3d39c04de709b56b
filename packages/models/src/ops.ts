// Differentiable building blocks whose gradients avoid what WebAssembly lacks or does slowly:
// matMul with a transposed operand (≈ 10× slower than transposing first on tfjs-backend-wasm 4.22)
// and the gradient of gather (UnsortedSegmentSum, not implemented there).
import { addOnHeap, valuesOf } from './tensor-view.js';
import { tf } from './tf.js';

type Tensor = tf.Tensor;
type GradSave = (tensors: Tensor[]) => void;
type CustomFn = Parameters<typeof tf.customGrad>[0];

/** Narrows a tensor whose rank the code guarantees to 1 (tfjs' op types lose ranks). */
export function rank1(t: tf.Tensor): tf.Tensor1D {
  return t as tf.Tensor1D;
}

/** Narrows a tensor whose rank the code guarantees to 3. */
export function rank3(t: tf.Tensor): tf.Tensor3D {
  return t as tf.Tensor3D;
}

/** Narrows a tensor whose rank the code guarantees to 2. */
export function rank2(t: tf.Tensor): tf.Tensor2D {
  return t as tf.Tensor2D;
}

const matMulGrad = tf.customGrad(((a: Tensor, b: Tensor, save: GradSave) => {
  save([a, b]);
  return {
    value: tf.matMul(a, b),
    gradFunc: (dy: Tensor, saved: Tensor[]) => {
      const [sa, sb] = saved as [tf.Tensor2D, tf.Tensor2D];
      return [tf.matMul(dy, tf.transpose(sb)), tf.matMul(tf.transpose(sa), dy)];
    },
  };
}) as unknown as CustomFn);

/**
 * `a [m, k] × b [k, n]` whose gradient transposes explicitly and then multiplies plainly.
 *
 * @example const y = matMul(x, w); // x [m, k], w [k, n]
 */
export function matMul(a: tf.Tensor2D, b: tf.Tensor2D): tf.Tensor2D {
  return matMulGrad(a, b) as tf.Tensor2D;
}

const affineGrad = tf.customGrad(((x: Tensor, w: Tensor, b: Tensor, save: GradSave) => {
  save([x, w]);
  return {
    // the bias added inside the product: no extra pass over the output
    value: tf.fused.matMul({ a: x, b: w, bias: b }),
    gradFunc: (dy: Tensor, saved: Tensor[]) => {
      const [sx, sw] = saved as [tf.Tensor2D, tf.Tensor2D];
      const [k, m] = sw.shape;
      // [xᵀ; 1] × dy gives the weight and the bias gradient in one product: dy, the largest operand,
      // is packed once, and the bias needs no column sum (a transpose and a pass on WebAssembly)
      const x1T = tf.concat([tf.transpose(sx), tf.ones([1, sx.shape[0]])], 0);
      const dwb = tf.matMul(x1T, dy);
      return [tf.matMul(dy, tf.transpose(sw)), tf.slice(dwb, [0, 0], [k, m]), tf.reshape(tf.slice(dwb, [k, 0], [1, m]), [m])];
    },
  };
}) as unknown as CustomFn);

/**
 * `x [n, k] × w [k, m] + b [m]`, with the gradient of {@link matMul} and the bias gradient
 * folded into the weight gradient's product.
 *
 * @example const logits = affine(h, wOut, bOut);
 */
export function affine(x: tf.Tensor2D, w: tf.Tensor2D, b: tf.Tensor1D): tf.Tensor2D {
  return affineGrad(x, w, b) as tf.Tensor2D;
}

const batchMatMulGrad = tf.customGrad(((a: Tensor, b: Tensor, save: GradSave) => {
  save([a, b]);
  return {
    value: tf.matMul(a, b),
    gradFunc: (dy: Tensor, saved: Tensor[]) => {
      const [sa, sb] = saved as [tf.Tensor3D, tf.Tensor3D];
      return [tf.matMul(dy, tf.transpose(sb, [0, 2, 1])), tf.matMul(tf.transpose(sa, [0, 2, 1]), dy)];
    },
  };
}) as unknown as CustomFn);

/**
 * Batched `a [n, m, k] × b [n, k, p]`, gradient with explicit transposes (as {@link matMul}).
 *
 * @example const scores = batchMatMul(q, kT); // [heads, P, dh] × [heads, dh, P]
 */
export function batchMatMul(a: tf.Tensor3D, b: tf.Tensor3D): tf.Tensor3D {
  return batchMatMulGrad(a, b) as tf.Tensor3D;
}

/**
 * Embedding lookup `table[ids]` ([V, d] → [N, d]); its gradient is a scatter-add (ScatterNd sums
 * repeated indices), so it needs no UnsortedSegmentSum kernel.
 *
 * @example const e = embed(table, tf.tensor1d([3, 1, 3], 'int32'));
 */
export function embed(table: tf.Tensor2D, ids: tf.Tensor1D): tf.Tensor2D {
  const [V, d] = table.shape;
  const f = tf.customGrad(((t: Tensor, save: GradSave) => {
    save([ids]);
    return {
      value: tf.gather(t, ids),
      gradFunc: (dy: Tensor, saved: Tensor[]) => {
        const idx = (saved[0] as tf.Tensor1D).expandDims(1);
        return [tf.scatterND(idx, dy, [V, d])];
      },
    };
  }) as unknown as CustomFn);
  return f(table) as tf.Tensor2D;
}

/** One block of output positions of the masked map: its input prefix and output width, in floats. */
export interface MaskedBlock {
  /** Input features the block reads: end position × d. */
  inWidth: number;
  /** Output features it writes: block length × d. */
  outWidth: number;
  /** Features per position (d): the masked entries of a slab are whole d × d squares. */
  dim: number;
}

/**
 * The paper's causally masked linear map over the whole context, stored block-triangularly:
 * output block I multiplies the input prefix `x[:, :inWidth_I]` by its slab `W_I`
 * [inWidth_I, outWidth_I], so blocks above the diagonal are neither stored nor multiplied.
 * Masked entries inside diagonal squares are kept at zero (their gradient is masked).
 *
 * @example const h = maskedLinear(x, slabs, blocks); // x [B, T·d] → h [B, T·d]
 */
export function maskedLinear(x: tf.Tensor2D, slabs: readonly tf.Tensor2D[], blocks: readonly MaskedBlock[]): tf.Tensor2D {
  const f = tf.customGrad((...args: unknown[]) => {
    const save = args[args.length - 1] as GradSave;
    const inputs = args.slice(0, -1) as tf.Tensor2D[];
    const [xIn, ...ws] = inputs as [tf.Tensor2D, ...tf.Tensor2D[]];
    save(inputs);
    const B = xIn.shape[0];
    const outs = ws.flatMap((w, i) => {
      const blk = blocks[i]!;
      const prefix = blk.inWidth === xIn.shape[1] ? xIn : tf.slice(xIn, [0, 0], [B, blk.inWidth]);
      return productInPanels(prefix, w);
    });
    return {
      value: outs.length === 1 ? outs[0]! : tf.concat(outs, 1),
      gradFunc: (dy: Tensor, saved: Tensor[]) => {
        const [sx, ...sw] = saved as [tf.Tensor2D, ...tf.Tensor2D[]];
        const total = sx.shape[1];
        // Feature-major copies of x and dy ([T·d, B], 2·B·T·d floats) let every product below take
        // a slab as its left operand: XNNPACK repacks the right operand of each call, and a slab
        // is as large as all the activations of a block together.
        const xT = tf.transpose(sx);
        const dyT = rank2(tf.transpose(dy));
        const dws: tf.Tensor2D[] = [];
        const dxTs: tf.Tensor2D[] = [];
        let row = 0;
        sw.forEach((w, i) => {
          const blk = blocks[i]!;
          const dyI = sw.length === 1 ? (dy as tf.Tensor2D) : tf.slice(dy as tf.Tensor2D, [0, row], [B, blk.outWidth]);
          const dyTI = sw.length === 1 ? dyT : tf.slice(dyT, [row, 0], [blk.outWidth, B]);
          row += blk.outWidth;
          const xTI = blk.inWidth === total ? xT : tf.slice(xT, [0, 0], [blk.inWidth, B]);
          dws.push(maskSlabGradient(rank2(tf.matMul(xTI, dyI)), blk));
          dxTs.push(rank2(tf.matMul(w, dyTI))); // [inWidth, B]
        });
        const dx = tf.transpose(sumOfLeadingRows(dxTs, total));
        return [dx, ...dws];
      },
    };
  });
  return f(x, ...slabs);
}

/**
 * Columns of a slab per forward product on WebAssembly. tfjs hands XNNPACK a product's right
 * operand as [K, N] weights to transpose while packing, and XNNPACK packs every new tensor (a
 * slab is new after each update): that packing reads 8 floats at a time, N floats apart, at
 * ≈ 109 M floats/s (`bench:pack`). Cut into panels of 128 columns first (bulk row copies), each
 * packs from short rows, and a T=307 block's forward product took 50 instead of 57 ms.
 */
const FORWARD_PANEL = 128;

/** `a × w` as the column panels of the result (see {@link FORWARD_PANEL}), to be concatenated. */
function productInPanels(a: tf.Tensor2D, w: tf.Tensor2D): tf.Tensor2D[] {
  const [K, N] = w.shape;
  if (tf.getBackend() !== 'wasm' || N <= FORWARD_PANEL) return [tf.matMul(a, w)];
  const panels: tf.Tensor2D[] = [];
  for (let n0 = 0; n0 < N; n0 += FORWARD_PANEL) {
    const panel = tf.slice(w, [0, n0], [K, Math.min(FORWARD_PANEL, N - n0)]);
    panels.push(tf.matMul(a, panel));
    // disposing the panel also frees XNNPACK's packed copy of it
    panel.dispose();
  }
  return panels;
}

/**
 * Σ of matrices that each cover the first rows of a [rows, ·] sum (the rest counting as zeros):
 * the input gradient of the masked map, one part per block. On WebAssembly the parts are added
 * into the one that covers all rows, in place (it is a fresh product no one else holds); padding
 * each part and adding them all made and read `parts` full-size copies.
 */
function sumOfLeadingRows(parts: tf.Tensor2D[], rows: number): tf.Tensor2D {
  if (parts.length === 1) return parts[0]!;
  const whole = parts.findIndex((p) => p.shape[0] === rows);
  if (tf.getBackend() === 'wasm' && whole >= 0) {
    const sum = parts[whole]!;
    for (const [i, part] of parts.entries()) if (i !== whole) addOnHeap(sum, part);
    return sum;
  }
  return tf.addN(parts.map((p) => (p.shape[0] === rows ? p : rank2(tf.pad(p, [[0, rows - p.shape[0]], [0, 0]])))));
}

/**
 * Zeroes the masked entries of a slab's gradient, so masked weights stay exactly zero. They all
 * lie in the slab's last `outWidth` rows (its diagonal square: input position j > output
 * position i). On WebAssembly they are zeroed in place in the product just made (no other
 * reference to it exists yet): a mask product over the whole slab cost a full pass over the
 * largest tensors of a step. Elsewhere the square alone is multiplied by its mask.
 */
function maskSlabGradient(dw: tf.Tensor2D, blk: MaskedBlock): tf.Tensor2D {
  const side = blk.outWidth;
  const top = blk.inWidth - side;
  const d = blk.dim;
  if (tf.getBackend() === 'wasm') {
    const values = valuesOf(dw);
    // square row rr is input position start + ⌊rr/d⌋; it may feed only outputs at that position or later
    for (let rr = d; rr < side; rr++) {
      const row = (top + rr) * side;
      values.fill(0, row, row + Math.floor(rr / d) * d);
    }
    return dw;
  }
  const square = tf.mul(tf.slice(dw, [top, 0], [side, side]), tf.tensor2d(slabMask(0, side / d, d), [side, side]));
  return rank2(top === 0 ? square : tf.concat([tf.slice(dw, [0, 0], [top, side]), square], 0));
}

/**
 * The mask of one slab: entry (j·d + b, i·d + a) is 1 iff input position j ≤ output position i.
 */
export function slabMask(start: number, end: number, dim: number): Float32Array {
  const inWidth = end * dim;
  const outWidth = (end - start) * dim;
  const m = new Float32Array(inWidth * outWidth);
  for (let r = 0; r < inWidth; r++) {
    const j = Math.floor(r / dim);
    for (let c = 0; c < outWidth; c++) {
      const i = start + Math.floor(c / dim);
      m[r * outWidth + c] = j <= i ? 1 : 0;
    }
  }
  return m;
}

const GELU_C = Math.sqrt(2 / Math.PI);
const GELU_A = 0.044715;

const geluGrad = tf.customGrad(((x: Tensor, save: GradSave) => {
  save([x]);
  return {
    value: tf.tidy(() => geluValue(x)),
    gradFunc: (dy: Tensor, saved: Tensor[]) => {
      const [sx] = saved as [Tensor];
      return [
        tf.tidy(() => {
          const x2 = tf.square(sx);
          const th = tf.tanh(tf.mul(sx, tf.mul(tf.add(tf.mul(x2, GELU_A), 1), GELU_C)));
          // d/dx ½x(1 + tanh u) = ½(1 + tanh u) + ½x(1 − tanh²u)·u', u' = c(1 + 3a·x²)
          const du = tf.mul(tf.add(tf.mul(x2, 3 * GELU_A), 1), GELU_C);
          const slope = tf.mul(tf.add(tf.add(th, 1), tf.mul(tf.mul(sx, tf.sub(1, tf.square(th))), du)), 0.5);
          return tf.mul(dy, slope);
        }),
      ];
    },
  };
}) as unknown as CustomFn);

function geluValue(x: Tensor): Tensor {
  const u = tf.mul(x, tf.mul(tf.add(tf.mul(tf.square(x), GELU_A), 1), GELU_C));
  return tf.mul(tf.mul(x, 0.5), tf.add(tf.tanh(u), 1));
}

/**
 * GELU, tanh approximation (GPT-2's), as one differentiable op that keeps only its input for the
 * backward pass: the composed version kept eight intermediate [tokens, 4d] tensors per layer.
 *
 * @example const h = gelu(tf.tensor2d([[-1, 0, 1]]));
 */
export function gelu<T extends tf.Tensor>(x: T): T {
  return geluGrad(x) as T;
}
