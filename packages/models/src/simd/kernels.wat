;; Elementwise passes in WebAssembly SIMD (f32x4) on float32 arrays in the imported memory: the
;; optimizer's (on memory of its own) and the loss gradient's (on TensorFlow.js' WebAssembly heap),
;; and the fused output layer (head.wat, included at the end). Pointers are byte offsets, counts are elements. `pnpm --filter
;; @cotlab/models build:simd` assembles this file (twice: for a plain and for a shared memory)
;; into kernels-wasm.ts; a test checks the two stay in sync.
(module
  (import "env" "memory" (memory 1 MEMORY_DECLARATION))

  ;; AdamW on n elements, in place (see adamwUpdate in ../adamw.ts for the formula):
  ;; g' = g·gs; m = b1·m + (1 − b1)·g'; v = b2·v + (1 − b2)·g'²; p = p·decay − ss·m / (√v·ib + eps)
  (func (export "adamw")
    (param $p i32) (param $g i32) (param $m i32) (param $v i32) (param $n i32)
    (param $b1 f32) (param $b2 f32) (param $eps f32) (param $gs f32) (param $ss f32) (param $ib f32) (param $decay f32)
    (local $i i32) (local $end i32) (local $at i32)
    (local $vb1 v128) (local $va1 v128) (local $vb2 v128) (local $va2 v128) (local $veps v128)
    (local $vgs v128) (local $vss v128) (local $vib v128) (local $vdecay v128)
    (local $gi v128) (local $mi v128) (local $vi v128)
    (local $sg f32) (local $sm f32) (local $sv f32)
    (local.set $vb1 (f32x4.splat (local.get $b1)))
    (local.set $va1 (f32x4.splat (f32.sub (f32.const 1) (local.get $b1))))
    (local.set $vb2 (f32x4.splat (local.get $b2)))
    (local.set $va2 (f32x4.splat (f32.sub (f32.const 1) (local.get $b2))))
    (local.set $veps (f32x4.splat (local.get $eps)))
    (local.set $vgs (f32x4.splat (local.get $gs)))
    (local.set $vss (f32x4.splat (local.get $ss)))
    (local.set $vib (f32x4.splat (local.get $ib)))
    (local.set $vdecay (f32x4.splat (local.get $decay)))
    (local.set $end (i32.and (local.get $n) (i32.const -4)))
    (block $done4
      (loop $four
        (br_if $done4 (i32.ge_u (local.get $i) (local.get $end)))
        (local.set $at (i32.shl (local.get $i) (i32.const 2)))
        (local.set $gi (f32x4.mul (v128.load (i32.add (local.get $g) (local.get $at))) (local.get $vgs)))
        (local.set $mi
          (f32x4.add
            (f32x4.mul (local.get $vb1) (v128.load (i32.add (local.get $m) (local.get $at))))
            (f32x4.mul (local.get $va1) (local.get $gi))))
        (local.set $vi
          (f32x4.add
            (f32x4.mul (local.get $vb2) (v128.load (i32.add (local.get $v) (local.get $at))))
            (f32x4.mul (local.get $va2) (f32x4.mul (local.get $gi) (local.get $gi)))))
        (v128.store (i32.add (local.get $m) (local.get $at)) (local.get $mi))
        (v128.store (i32.add (local.get $v) (local.get $at)) (local.get $vi))
        (v128.store (i32.add (local.get $p) (local.get $at))
          (f32x4.sub
            (f32x4.mul (v128.load (i32.add (local.get $p) (local.get $at))) (local.get $vdecay))
            (f32x4.div
              (f32x4.mul (local.get $vss) (local.get $mi))
              (f32x4.add (f32x4.mul (f32x4.sqrt (local.get $vi)) (local.get $vib)) (local.get $veps)))))
        (local.set $i (i32.add (local.get $i) (i32.const 4)))
        (br $four)))
    (block $done
      (loop $one
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $at (i32.shl (local.get $i) (i32.const 2)))
        (local.set $sg (f32.mul (f32.load (i32.add (local.get $g) (local.get $at))) (local.get $gs)))
        (local.set $sm
          (f32.add
            (f32.mul (local.get $b1) (f32.load (i32.add (local.get $m) (local.get $at))))
            (f32.mul (f32.sub (f32.const 1) (local.get $b1)) (local.get $sg))))
        (local.set $sv
          (f32.add
            (f32.mul (local.get $b2) (f32.load (i32.add (local.get $v) (local.get $at))))
            (f32.mul (f32.sub (f32.const 1) (local.get $b2)) (f32.mul (local.get $sg) (local.get $sg)))))
        (f32.store (i32.add (local.get $m) (local.get $at)) (local.get $sm))
        (f32.store (i32.add (local.get $v) (local.get $at)) (local.get $sv))
        (f32.store (i32.add (local.get $p) (local.get $at))
          (f32.sub
            (f32.mul (f32.load (i32.add (local.get $p) (local.get $at))) (local.get $decay))
            (f32.div
              (f32.mul (local.get $ss) (local.get $sm))
              (f32.add (f32.mul (f32.sqrt (local.get $sv)) (local.get $ib)) (local.get $eps)))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $one))))

  ;; Σ x² over n elements, accumulated in float64 (two f64x2 accumulators: low and high lanes).
  (func $sum_sq (export "sum_sq") (param $x i32) (param $n i32) (result f64)
    (local $i i32) (local $end i32) (local $lanes v128) (local $lo v128) (local $hi v128) (local $acc0 v128) (local $acc1 v128) (local $s f64)
    (local.set $end (i32.and (local.get $n) (i32.const -4)))
    (block $done4
      (loop $four
        (br_if $done4 (i32.ge_u (local.get $i) (local.get $end)))
        (local.set $lanes (v128.load (i32.add (local.get $x) (i32.shl (local.get $i) (i32.const 2)))))
        (local.set $lo (f64x2.promote_low_f32x4 (local.get $lanes)))
        (local.set $hi (f64x2.promote_low_f32x4
          (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $lanes) (local.get $lanes))))
        (local.set $acc0 (f64x2.add (local.get $acc0) (f64x2.mul (local.get $lo) (local.get $lo))))
        (local.set $acc1 (f64x2.add (local.get $acc1) (f64x2.mul (local.get $hi) (local.get $hi))))
        (local.set $i (i32.add (local.get $i) (i32.const 4)))
        (br $four)))
    (local.set $acc0 (f64x2.add (local.get $acc0) (local.get $acc1)))
    (local.set $s (f64.add (f64x2.extract_lane 0 (local.get $acc0)) (f64x2.extract_lane 1 (local.get $acc0))))
    (block $done
      (loop $one
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $s (f64.add (local.get $s)
          (f64.mul
            (f64.promote_f32 (f32.load (i32.add (local.get $x) (i32.shl (local.get $i) (i32.const 2)))))
            (f64.promote_f32 (f32.load (i32.add (local.get $x) (i32.shl (local.get $i) (i32.const 2))))))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $one)))
    (local.get $s))

  ;; dst += src over n elements.
  (func (export "add_into") (param $dst i32) (param $src i32) (param $n i32)
    (local $i i32) (local $end i32) (local $at i32)
    (local.set $end (i32.and (local.get $n) (i32.const -4)))
    (block $done4
      (loop $four
        (br_if $done4 (i32.ge_u (local.get $i) (local.get $end)))
        (local.set $at (i32.shl (local.get $i) (i32.const 2)))
        (v128.store (i32.add (local.get $dst) (local.get $at))
          (f32x4.add
            (v128.load (i32.add (local.get $dst) (local.get $at)))
            (v128.load (i32.add (local.get $src) (local.get $at)))))
        (local.set $i (i32.add (local.get $i) (i32.const 4)))
        (br $four)))
    (block $done
      (loop $one
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $at (i32.shl (local.get $i) (i32.const 2)))
        (f32.store (i32.add (local.get $dst) (local.get $at))
          (f32.add
            (f32.load (i32.add (local.get $dst) (local.get $at)))
            (f32.load (i32.add (local.get $src) (local.get $at)))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $one))))
  ;; The gradient of Σₙ cₙ·(−log sₙ[tₙ]) with respect to the logits, from the softmax s [N, V]:
  ;; g = c·(s − onehot(t)) [N, V] and its transpose gT [V, N], 16 rows at a time so the
  ;; transposed writes run along gT's rows while the 16 rows of g are still in cache. Targets must
  ;; lie in [0, V) (checked by the caller).
  (func (export "xent_grad") (param $s i32) (param $t i32) (param $c i32) (param $g i32) (param $gT i32) (param $N i32) (param $V i32)
    (local $n0 i32) (local $n1 i32) (local $n i32) (local $v i32) (local $end i32) (local $row i32) (local $at i32)
    (local $cn f32) (local $vc v128) (local $src i32) (local $dst i32) (local $rowBytes i32)
    (local.set $rowBytes (i32.shl (local.get $V) (i32.const 2)))
    (local.set $end (i32.and (local.get $V) (i32.const -4)))
    (block $tiles_done
      (loop $tiles
        (br_if $tiles_done (i32.ge_u (local.get $n0) (local.get $N)))
        (local.set $n1 (i32.add (local.get $n0) (i32.const 16)))
        (if (i32.gt_u (local.get $n1) (local.get $N)) (then (local.set $n1 (local.get $N))))
        ;; g rows n0 … n1 − 1
        (local.set $n (local.get $n0))
        (block $rows_done
          (loop $rows
            (br_if $rows_done (i32.ge_u (local.get $n) (local.get $n1)))
            (local.set $cn (f32.load (i32.add (local.get $c) (i32.shl (local.get $n) (i32.const 2)))))
            (local.set $vc (f32x4.splat (local.get $cn)))
            (local.set $row (i32.mul (local.get $n) (local.get $rowBytes)))
            (local.set $v (i32.const 0))
            (block $four_done
              (loop $four
                (br_if $four_done (i32.ge_u (local.get $v) (local.get $end)))
                (local.set $at (i32.add (local.get $row) (i32.shl (local.get $v) (i32.const 2))))
                (v128.store (i32.add (local.get $g) (local.get $at))
                  (f32x4.mul (v128.load (i32.add (local.get $s) (local.get $at))) (local.get $vc)))
                (local.set $v (i32.add (local.get $v) (i32.const 4)))
                (br $four)))
            (block $one_done
              (loop $one
                (br_if $one_done (i32.ge_u (local.get $v) (local.get $V)))
                (local.set $at (i32.add (local.get $row) (i32.shl (local.get $v) (i32.const 2))))
                (f32.store (i32.add (local.get $g) (local.get $at))
                  (f32.mul (f32.load (i32.add (local.get $s) (local.get $at))) (local.get $cn)))
                (local.set $v (i32.add (local.get $v) (i32.const 1)))
                (br $one)))
            ;; minus c at the target
            (local.set $at (i32.add (i32.add (local.get $g) (local.get $row))
              (i32.shl (i32.load (i32.add (local.get $t) (i32.shl (local.get $n) (i32.const 2)))) (i32.const 2))))
            (f32.store (local.get $at) (f32.sub (f32.load (local.get $at)) (local.get $cn)))
            (local.set $n (i32.add (local.get $n) (i32.const 1)))
            (br $rows)))
        ;; gT[v, n0 … n1 − 1] = g[n0 … n1 − 1, v]
        (local.set $v (i32.const 0))
        (block $cols_done
          (loop $cols
            (br_if $cols_done (i32.ge_u (local.get $v) (local.get $V)))
            (local.set $src (i32.add (local.get $g)
              (i32.add (i32.mul (local.get $n0) (local.get $rowBytes)) (i32.shl (local.get $v) (i32.const 2)))))
            (local.set $dst (i32.add (local.get $gT)
              (i32.shl (i32.add (i32.mul (local.get $v) (local.get $N)) (local.get $n0)) (i32.const 2))))
            (local.set $n (local.get $n0))
            (block $copy_done
              (loop $copy
                (br_if $copy_done (i32.ge_u (local.get $n) (local.get $n1)))
                (f32.store (local.get $dst) (f32.load (local.get $src)))
                (local.set $src (i32.add (local.get $src) (local.get $rowBytes)))
                (local.set $dst (i32.add (local.get $dst) (i32.const 4)))
                (local.set $n (i32.add (local.get $n) (i32.const 1)))
                (br $copy)))
            (local.set $v (i32.add (local.get $v) (i32.const 1)))
            (br $cols)))
        (local.set $n0 (local.get $n1))
        (br $tiles))))

  ;; `rows` runs of `bytes` bytes each: from src, src + srcStride, …, to dst, dst + dstStride, …
  ;; (a slice of a row-major tensor; bulk memory.copy, where JavaScript's TypedArray.set on two
  ;; views of one buffer copies through a temporary array).
  (func (export "copy_rows") (param $dst i32) (param $src i32) (param $rows i32) (param $bytes i32) (param $dstStride i32) (param $srcStride i32)
    (block $done
      (loop $row
        (br_if $done (i32.eqz (local.get $rows)))
        (memory.copy (local.get $dst) (local.get $src) (local.get $bytes))
        (local.set $dst (i32.add (local.get $dst) (local.get $dstStride)))
        (local.set $src (i32.add (local.get $src) (local.get $srcStride)))
        (local.set $rows (i32.sub (local.get $rows) (i32.const 1)))
        (br $row))))

  ;; Row k of dst = row idx[k] of src, for k < n (rows of `bytes` bytes; idx: int32, in range).
  (func (export "gather_rows") (param $dst i32) (param $src i32) (param $idx i32) (param $n i32) (param $bytes i32)
    (block $done
      (loop $row
        (br_if $done (i32.eqz (local.get $n)))
        (memory.copy (local.get $dst)
          (i32.add (local.get $src) (i32.mul (i32.load (local.get $idx)) (local.get $bytes)))
          (local.get $bytes))
        (local.set $dst (i32.add (local.get $dst) (local.get $bytes)))
        (local.set $idx (i32.add (local.get $idx) (i32.const 4)))
        (local.set $n (i32.sub (local.get $n) (i32.const 1)))
        (br $row))))

  ;; include head.wat
)
