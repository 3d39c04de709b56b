  ;; The output layer and its loss, forward and backward, in one pass over the rows (included in
  ;; kernels.wat). For 16 rows at a time: logits = h·w + b into a 16 × V tile, softmax and the
  ;; gradient g = c·(softmax − onehot(t)) in that tile, then dh = g·wᵀ, dwT += gᵀ·h, db += Σ g.
  ;; Nothing of size [N, V] is ever written: the tile stays in the core's caches.
  ;; Layout: h [N, k], w [k, V], wT [V, k], b [V] (float32, row-major); t int32 [N] in [0, V);
  ;; c float32 [N]; outputs dh [N, k] (written), dwT [V, k] and db [V] (accumulated: the caller
  ;; zeroes them), and per row the two parts of its loss c·(log sums[n] + term[n]):
  ;; term[n] = max − logit at the target, sums[n] = Σ exp(logit − max). `scratch` holds
  ;; 32·V + 2·k·V + 32·k floats. Requires N % 16 = 0, k % 8 = 0, V % 8 = 0 (the caller pads V
  ;; with zero weights and a very negative bias).

  ;; dst[p][r][0‥8) = src[r, 8p‥8p + 8) for r < rows, p < cols / 8: a matrix (rows ld bytes apart)
  ;; as panels of 8 columns, each row's 8 floats next to the next row's, as the product reads them.
  (func $pack_panels (param $src i32) (param $ld i32) (param $rows i32) (param $cols i32) (param $dst i32)
    (local $r i32) (local $p i32) (local $from i32)
    (block $panels_done
      (loop $panels
        (br_if $panels_done (i32.ge_u (local.get $p) (i32.shl (local.get $cols) (i32.const 2))))
        (local.set $from (i32.add (local.get $src) (local.get $p)))
        (local.set $r (i32.const 0))
        (block $rows_done
          (loop $rows
            (br_if $rows_done (i32.ge_u (local.get $r) (local.get $rows)))
            (v128.store (local.get $dst) (v128.load (local.get $from)))
            (v128.store offset=16 (local.get $dst) (v128.load offset=16 (local.get $from)))
            (local.set $from (i32.add (local.get $from) (local.get $ld)))
            (local.set $dst (i32.add (local.get $dst) (i32.const 32)))
            (local.set $r (i32.add (local.get $r) (i32.const 1)))
            (br $rows)))
        (local.set $p (i32.add (local.get $p) (i32.const 32)))
        (br $panels))))

  ;; dst[v][0‥16) = src[0‥16)[v] for v < V: 16 rows of V floats (V % 4 = 0) as V rows of 16, by
  ;; 4 × 4 blocks: the products read their left operand this way (see $panel_4x8).
  (func $transpose_16 (param $src i32) (param $V i32) (param $dst i32)
    (local $v i32) (local $r i32) (local $ld i32) (local $at i32) (local $to i32)
    (local $x0 v128) (local $x1 v128) (local $x2 v128) (local $x3 v128) (local $t0 v128) (local $t1 v128) (local $t2 v128) (local $t3 v128)
    (local.set $ld (i32.shl (local.get $V) (i32.const 2)))
    (block $cols_done
      (loop $cols
        (br_if $cols_done (i32.ge_u (local.get $v) (local.get $ld)))
        (local.set $r (i32.const 0))
        (block $rows_done
          (loop $rows
            (br_if $rows_done (i32.ge_u (local.get $r) (i32.const 16)))
            (local.set $at (i32.add (i32.add (local.get $src) (i32.mul (local.get $r) (local.get $ld))) (local.get $v)))
            (local.set $x0 (v128.load (local.get $at)))
            (local.set $at (i32.add (local.get $at) (local.get $ld)))
            (local.set $x1 (v128.load (local.get $at)))
            (local.set $at (i32.add (local.get $at) (local.get $ld)))
            (local.set $x2 (v128.load (local.get $at)))
            (local.set $at (i32.add (local.get $at) (local.get $ld)))
            (local.set $x3 (v128.load (local.get $at)))
            ;; t0 = x0₀ x1₀ x0₁ x1₁, t1 = x0₂ x1₂ x0₃ x1₃; t2, t3 the same of x2, x3
            (local.set $t0 (i8x16.shuffle 0 1 2 3 16 17 18 19 4 5 6 7 20 21 22 23 (local.get $x0) (local.get $x1)))
            (local.set $t1 (i8x16.shuffle 8 9 10 11 24 25 26 27 12 13 14 15 28 29 30 31 (local.get $x0) (local.get $x1)))
            (local.set $t2 (i8x16.shuffle 0 1 2 3 16 17 18 19 4 5 6 7 20 21 22 23 (local.get $x2) (local.get $x3)))
            (local.set $t3 (i8x16.shuffle 8 9 10 11 24 25 26 27 12 13 14 15 28 29 30 31 (local.get $x2) (local.get $x3)))
            ;; entry v/4 + i of the 4 rows goes to dst row v/4 + i (16 floats, 64 bytes, a row)
            (local.set $to (i32.add (local.get $dst) (i32.add (i32.shl (local.get $v) (i32.const 4)) (i32.shl (local.get $r) (i32.const 2)))))
            (v128.store (local.get $to) (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $t0) (local.get $t2)))
            (v128.store offset=64 (local.get $to) (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $t0) (local.get $t2)))
            (v128.store offset=128 (local.get $to) (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $t1) (local.get $t3)))
            (v128.store offset=192 (local.get $to) (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $t1) (local.get $t3)))
            (local.set $r (i32.add (local.get $r) (i32.const 4)))
            (br $rows)))
        (local.set $v (i32.add (local.get $v) (i32.const 16)))
        (br $cols))))

  ;; out[r, 0‥8) = init + Σ_{κ<K} a[r, κ]·b[κ, 0‥8) for r < 4: the one product kernel of this file.
  ;; a[r, κ] is at a + 4r + κ·astep (bytes): the 4 rows side by side, as in a transposed tile; b: a
  ;; packed panel (see $pack_panels), 8 floats a κ. init (by `mode`): 0 zero, 1 the 8 floats at
  ;; bias (every row), 2 out itself (accumulate). Every load is at a constant offset from a or b:
  ;; no address arithmetic per load, and no more values live than registers (V8 moves a loop's
  ;; loads to its top: unrolling, or a fifth row, spilled accumulators to the stack).
  (func $panel_4x8 (param $a i32) (param $astep i32) (param $b i32) (param $K i32)
    (param $out i32) (param $ldo i32) (param $bias i32) (param $mode i32)
    (local $c00 v128) (local $c01 v128) (local $c10 v128) (local $c11 v128)
    (local $c20 v128) (local $c21 v128) (local $c30 v128) (local $c31 v128)
    (local $b0 v128) (local $b1 v128) (local $x v128)
    (local $o1 i32) (local $o2 i32) (local $o3 i32) (local $end i32)
    (local.set $o1 (i32.add (local.get $out) (local.get $ldo)))
    (local.set $o2 (i32.add (local.get $o1) (local.get $ldo)))
    (local.set $o3 (i32.add (local.get $o2) (local.get $ldo)))
    (if (i32.eq (local.get $mode) (i32.const 1))
      (then
        (local.set $c00 (v128.load (local.get $bias)))
        (local.set $c01 (v128.load offset=16 (local.get $bias)))
        (local.set $c10 (local.get $c00)) (local.set $c11 (local.get $c01))
        (local.set $c20 (local.get $c00)) (local.set $c21 (local.get $c01))
        (local.set $c30 (local.get $c00)) (local.set $c31 (local.get $c01))))
    (if (i32.eq (local.get $mode) (i32.const 2))
      (then
        (local.set $c00 (v128.load (local.get $out))) (local.set $c01 (v128.load offset=16 (local.get $out)))
        (local.set $c10 (v128.load (local.get $o1))) (local.set $c11 (v128.load offset=16 (local.get $o1)))
        (local.set $c20 (v128.load (local.get $o2))) (local.set $c21 (v128.load offset=16 (local.get $o2)))
        (local.set $c30 (v128.load (local.get $o3))) (local.set $c31 (v128.load offset=16 (local.get $o3)))))
    (local.set $end (i32.add (local.get $b) (i32.shl (local.get $K) (i32.const 5))))
    (block $done
      (loop $kappa
        (br_if $done (i32.ge_u (local.get $b) (local.get $end)))
        (local.set $b0 (v128.load (local.get $b)))
        (local.set $b1 (v128.load offset=16 (local.get $b)))
        (local.set $x (v128.load32_splat (local.get $a)))
        (local.set $c00 (f32x4.add (local.get $c00) (f32x4.mul (local.get $x) (local.get $b0))))
        (local.set $c01 (f32x4.add (local.get $c01) (f32x4.mul (local.get $x) (local.get $b1))))
        (local.set $x (v128.load32_splat offset=4 (local.get $a)))
        (local.set $c10 (f32x4.add (local.get $c10) (f32x4.mul (local.get $x) (local.get $b0))))
        (local.set $c11 (f32x4.add (local.get $c11) (f32x4.mul (local.get $x) (local.get $b1))))
        (local.set $x (v128.load32_splat offset=8 (local.get $a)))
        (local.set $c20 (f32x4.add (local.get $c20) (f32x4.mul (local.get $x) (local.get $b0))))
        (local.set $c21 (f32x4.add (local.get $c21) (f32x4.mul (local.get $x) (local.get $b1))))
        (local.set $x (v128.load32_splat offset=12 (local.get $a)))
        (local.set $c30 (f32x4.add (local.get $c30) (f32x4.mul (local.get $x) (local.get $b0))))
        (local.set $c31 (f32x4.add (local.get $c31) (f32x4.mul (local.get $x) (local.get $b1))))
        (local.set $a (i32.add (local.get $a) (local.get $astep)))
        (local.set $b (i32.add (local.get $b) (i32.const 32)))
        (br $kappa)))
    (v128.store (local.get $out) (local.get $c00))
    (v128.store offset=16 (local.get $out) (local.get $c01))
    (v128.store (local.get $o1) (local.get $c10))
    (v128.store offset=16 (local.get $o1) (local.get $c11))
    (v128.store (local.get $o2) (local.get $c20))
    (v128.store offset=16 (local.get $o2) (local.get $c21))
    (v128.store (local.get $o3) (local.get $c30))
    (v128.store offset=16 (local.get $o3) (local.get $c31)))

  ;; One row x [V] of logits becomes its gradient c·(softmax(x) − onehot(t)) in place; db += it.
  ;; Stores the row's loss parts (see above) at term and sums. exp is Cephes' expf polynomial on
  ;; f32x4 (relative error ≈ 1e-7). No subnormal float is ever made: x86 takes ≈ 100 cycles for
  ;; each operation that reads or writes one, and WebAssembly cannot turn on flush-to-zero (three
  ;; padding entries a row once made the whole kernel ≈ 1.5× slower at V = 117). So exp's
  ;; argument is clamped at −87 (e⁻⁸⁷ ≈ 1.6·10⁻³⁸ is still normal), and gradient entries below
  ;; 10⁻³⁰ become exact zeros.
  (func $row_gradient (param $x i32) (param $V i32) (param $t i32) (param $c f32) (param $db i32)
    (param $term i32) (param $sums i32)
    (local $at i32) (local $end i32) (local $m f32) (local $s f32) (local $q f32)
    (local $vm v128) (local $vs v128) (local $e v128) (local $n v128) (local $r v128) (local $p v128) (local $t4 v128)
    (local.set $end (i32.add (local.get $x) (i32.shl (local.get $V) (i32.const 2))))
    ;; the row's maximum
    (local.set $vm (v128.load (local.get $x)))
    (local.set $at (i32.add (local.get $x) (i32.const 16)))
    (block $max_done
      (loop $max
        (br_if $max_done (i32.ge_u (local.get $at) (local.get $end)))
        (local.set $vm (f32x4.pmax (local.get $vm) (v128.load (local.get $at))))
        (local.set $at (i32.add (local.get $at) (i32.const 16)))
        (br $max)))
    (local.set $m
      (f32.max
        (f32.max (f32x4.extract_lane 0 (local.get $vm)) (f32x4.extract_lane 1 (local.get $vm)))
        (f32.max (f32x4.extract_lane 2 (local.get $vm)) (f32x4.extract_lane 3 (local.get $vm)))))
    (f32.store (local.get $term)
      (f32.sub (local.get $m) (f32.load (i32.add (local.get $x) (i32.shl (local.get $t) (i32.const 2))))))
    ;; e = exp(x − m) in place, and its sum
    (local.set $vm (f32x4.splat (local.get $m)))
    (local.set $vs (v128.const f32x4 0 0 0 0))
    (local.set $at (local.get $x))
    (block $exp_done
      (loop $exp
        (br_if $exp_done (i32.ge_u (local.get $at) (local.get $end)))
        (local.set $e
          (f32x4.pmax
            (f32x4.sub (v128.load (local.get $at)) (local.get $vm))
            (v128.const f32x4 -87 -87 -87 -87)))
        ;; e = 2ⁿ·exp(r) with n = round(e·log₂e), r = e − n·ln 2 (ln 2 in two parts, exact first).
        ;; Adding 1.5·2²³ rounds to an integer and leaves n in the low bits of the float ($t4).
        (local.set $t4 (f32x4.add (f32x4.mul (local.get $e) (v128.const f32x4 1.44269504 1.44269504 1.44269504 1.44269504))
          (v128.const f32x4 12582912 12582912 12582912 12582912)))
        (local.set $n (f32x4.sub (local.get $t4) (v128.const f32x4 12582912 12582912 12582912 12582912)))
        (local.set $r
          (f32x4.sub
            (f32x4.sub (local.get $e) (f32x4.mul (local.get $n) (v128.const f32x4 0.693359375 0.693359375 0.693359375 0.693359375)))
            (f32x4.mul (local.get $n) (v128.const f32x4 -2.12194440e-4 -2.12194440e-4 -2.12194440e-4 -2.12194440e-4))))
        (local.set $p (v128.const f32x4 1.9875691500e-4 1.9875691500e-4 1.9875691500e-4 1.9875691500e-4))
        (local.set $p (f32x4.add (f32x4.mul (local.get $p) (local.get $r)) (v128.const f32x4 1.3981999507e-3 1.3981999507e-3 1.3981999507e-3 1.3981999507e-3)))
        (local.set $p (f32x4.add (f32x4.mul (local.get $p) (local.get $r)) (v128.const f32x4 8.3334519073e-3 8.3334519073e-3 8.3334519073e-3 8.3334519073e-3)))
        (local.set $p (f32x4.add (f32x4.mul (local.get $p) (local.get $r)) (v128.const f32x4 4.1665795894e-2 4.1665795894e-2 4.1665795894e-2 4.1665795894e-2)))
        (local.set $p (f32x4.add (f32x4.mul (local.get $p) (local.get $r)) (v128.const f32x4 1.6666665459e-1 1.6666665459e-1 1.6666665459e-1 1.6666665459e-1)))
        (local.set $p (f32x4.add (f32x4.mul (local.get $p) (local.get $r)) (v128.const f32x4 5.0000001201e-1 5.0000001201e-1 5.0000001201e-1 5.0000001201e-1)))
        (local.set $p
          (f32x4.add
            (f32x4.add (f32x4.mul (local.get $p) (f32x4.mul (local.get $r) (local.get $r))) (local.get $r))
            (v128.const f32x4 1 1 1 1)))
        (local.set $e
          (f32x4.mul (local.get $p)
            ;; 2ⁿ: the exponent field n + 127 (0x4B400000 is 1.5·2²³'s bit pattern)
            (i32x4.shl (i32x4.add (local.get $t4) (v128.const i32x4 -1262485377 -1262485377 -1262485377 -1262485377)) (i32.const 23))))
        (v128.store (local.get $at) (local.get $e))
        (local.set $vs (f32x4.add (local.get $vs) (local.get $e)))
        (local.set $at (i32.add (local.get $at) (i32.const 16)))
        (br $exp)))
    (local.set $s
      (f32.add
        (f32.add (f32x4.extract_lane 0 (local.get $vs)) (f32x4.extract_lane 1 (local.get $vs)))
        (f32.add (f32x4.extract_lane 2 (local.get $vs)) (f32x4.extract_lane 3 (local.get $vs)))))
    (f32.store (local.get $sums) (local.get $s))
    ;; g = e·c/s, minus c at the target; db += g. Entries with e·|c|/s < 10⁻³⁰ are zeroed first.
    (local.set $q (f32.div (local.get $c) (local.get $s)))
    (local.set $vm (f32x4.splat (local.get $q)))
    (local.set $vs (f32x4.splat (f32.div (f32.const 1e-30) (f32.abs (local.get $q)))))
    (local.set $at (local.get $x))
    (block $g_done
      (loop $g
        (br_if $g_done (i32.ge_u (local.get $at) (local.get $end)))
        (local.set $e (v128.load (local.get $at)))
        (local.set $e (f32x4.mul (v128.and (local.get $e) (f32x4.ge (local.get $e) (local.get $vs))) (local.get $vm)))
        (v128.store (local.get $at) (local.get $e))
        (v128.store (local.get $db) (f32x4.add (v128.load (local.get $db)) (local.get $e)))
        (local.set $at (i32.add (local.get $at) (i32.const 16)))
        (local.set $db (i32.add (local.get $db) (i32.const 16)))
        (br $g)))
    (local.set $at (i32.add (local.get $x) (i32.shl (local.get $t) (i32.const 2))))
    (f32.store (local.get $at) (f32.sub (f32.load (local.get $at)) (local.get $c)))
    ;; db has moved to its end: the target's entry is V − t floats back
    (local.set $at (i32.sub (local.get $db) (i32.shl (i32.sub (local.get $V) (local.get $t)) (i32.const 2))))
    (f32.store (local.get $at) (f32.sub (f32.load (local.get $at)) (local.get $c))))

  ;; Tiles of 16 rows: the tile's logits, then gradients, stay in cache between the passes, and
  ;; the weight gradient's product runs over 16 rows at a time.
  (func (export "head_grad")
    (param $h i32) (param $w i32) (param $wT i32) (param $b i32) (param $t i32) (param $c i32)
    (param $dh i32) (param $dwT i32) (param $db i32) (param $term i32) (param $sums i32) (param $scratch i32)
    (param $N i32) (param $k i32) (param $V i32)
    (local $n i32) (local $j i32) (local $r i32) (local $hRow i32) (local $ldh i32) (local $ldv i32) (local $row i32)
    (local $tile i32) (local $gT i32) (local $wP i32) (local $wTP i32) (local $hP i32) (local $hT i32)
    (local.set $ldh (i32.shl (local.get $k) (i32.const 2)))
    (local.set $ldv (i32.shl (local.get $V) (i32.const 2)))
    ;; scratch: the tile [16, V] and its transpose [V, 16], w and wᵀ as panels, the tile's h as
    ;; panels and transposed [k, 16]
    (local.set $tile (local.get $scratch))
    (local.set $gT (i32.add (local.get $tile) (i32.shl (local.get $ldv) (i32.const 4))))
    (local.set $wP (i32.add (local.get $gT) (i32.shl (local.get $ldv) (i32.const 4))))
    (local.set $wTP (i32.add (local.get $wP) (i32.mul (local.get $k) (local.get $ldv))))
    (local.set $hP (i32.add (local.get $wTP) (i32.mul (local.get $k) (local.get $ldv))))
    (local.set $hT (i32.add (local.get $hP) (i32.shl (local.get $ldh) (i32.const 4))))
    (call $pack_panels (local.get $w) (local.get $ldv) (local.get $k) (local.get $V) (local.get $wP))
    (call $pack_panels (local.get $wT) (local.get $ldh) (local.get $V) (local.get $k) (local.get $wTP))
    (block $rows_done
      (loop $rows
        (br_if $rows_done (i32.ge_u (local.get $n) (local.get $N)))
        (local.set $hRow (i32.add (local.get $h) (i32.mul (local.get $n) (local.get $ldh))))
        ;; logits of the tile's rows, 4 rows × 8 entries at a time (panel j of w: k·8 floats each)
        (call $transpose_16 (local.get $hRow) (local.get $k) (local.get $hT))
        (local.set $r (i32.const 0))
        (block $logits_done
          (loop $logit_rows
            (br_if $logits_done (i32.ge_u (local.get $r) (i32.const 16)))
            (local.set $j (i32.const 0))
            (block $cols_done
              (loop $cols
                (br_if $cols_done (i32.ge_u (local.get $j) (local.get $V)))
                (call $panel_4x8
                  (i32.add (local.get $hT) (i32.shl (local.get $r) (i32.const 2))) (i32.const 64)
                  (i32.add (local.get $wP) (i32.mul (local.get $j) (local.get $ldh))) (local.get $k)
                  (i32.add (i32.add (local.get $tile) (i32.mul (local.get $r) (local.get $ldv))) (i32.shl (local.get $j) (i32.const 2))) (local.get $ldv)
                  (i32.add (local.get $b) (i32.shl (local.get $j) (i32.const 2))) (i32.const 1))
                (local.set $j (i32.add (local.get $j) (i32.const 8)))
                (br $cols)))
            (local.set $r (i32.add (local.get $r) (i32.const 4)))
            (br $logit_rows)))
        ;; their gradients
        (local.set $r (i32.const 0))
        (block $grad_done
          (loop $grad
            (br_if $grad_done (i32.ge_u (local.get $r) (i32.const 16)))
            (local.set $row (i32.shl (i32.add (local.get $n) (local.get $r)) (i32.const 2)))
            (call $row_gradient
              (i32.add (local.get $tile) (i32.mul (local.get $r) (local.get $ldv))) (local.get $V)
              (i32.load (i32.add (local.get $t) (local.get $row))) (f32.load (i32.add (local.get $c) (local.get $row)))
              (local.get $db) (i32.add (local.get $term) (local.get $row)) (i32.add (local.get $sums) (local.get $row)))
            (local.set $r (i32.add (local.get $r) (i32.const 1)))
            (br $grad)))
        ;; dh = g·wᵀ for the tile's rows, 4 rows × 8 columns at a time (panel j of wᵀ: V·8 floats)
        (call $transpose_16 (local.get $tile) (local.get $V) (local.get $gT))
        (local.set $r (i32.const 0))
        (block $dh_done
          (loop $dh_rows
            (br_if $dh_done (i32.ge_u (local.get $r) (i32.const 16)))
            (local.set $j (i32.const 0))
            (block $dh_cols_done
              (loop $dh_cols
                (br_if $dh_cols_done (i32.ge_u (local.get $j) (local.get $k)))
                (call $panel_4x8
                  (i32.add (local.get $gT) (i32.shl (local.get $r) (i32.const 2))) (i32.const 64)
                  (i32.add (local.get $wTP) (i32.mul (local.get $j) (local.get $ldv))) (local.get $V)
                  (i32.add (i32.add (local.get $dh) (i32.mul (i32.add (local.get $n) (local.get $r)) (local.get $ldh))) (i32.shl (local.get $j) (i32.const 2))) (local.get $ldh)
                  (i32.const 0) (i32.const 0))
                (local.set $j (i32.add (local.get $j) (i32.const 8)))
                (br $dh_cols)))
            (local.set $r (i32.add (local.get $r) (i32.const 4)))
            (br $dh_rows)))
        ;; dwT += gᵀ·h over the tile's 16 rows, 4 vocabulary entries × 8 columns at a time
        (call $pack_panels (local.get $hRow) (local.get $ldh) (i32.const 16) (local.get $k) (local.get $hP))
        (local.set $r (i32.const 0))
        (block $dw_done
          (loop $dw_vocab
            (br_if $dw_done (i32.ge_u (local.get $r) (local.get $V)))
            (local.set $j (i32.const 0))
            (block $dw_cols_done
              (loop $dw_cols
                (br_if $dw_cols_done (i32.ge_u (local.get $j) (local.get $k)))
                (call $panel_4x8
                  (i32.add (local.get $tile) (i32.shl (local.get $r) (i32.const 2))) (local.get $ldv)
                  (i32.add (local.get $hP) (i32.shl (local.get $j) (i32.const 6))) (i32.const 16)
                  (i32.add (i32.add (local.get $dwT) (i32.mul (local.get $r) (local.get $ldh))) (i32.shl (local.get $j) (i32.const 2))) (local.get $ldh)
                  (i32.const 0) (i32.const 2))
                (local.set $j (i32.add (local.get $j) (i32.const 8)))
                (br $dw_cols)))
            (local.set $r (i32.add (local.get $r) (i32.const 4)))
            (br $dw_vocab)))
        (local.set $n (i32.add (local.get $n) (i32.const 16)))
        (br $rows))))
