// C = op(A) · op(B) on row-major arrays, every C[i, j] summed over p = 0 … k − 1 in that order from 0
// (the order of a plain dot product, so float64 matches NumPy's reference scripts to rounding). SIMD runs
// across columns of C, never within one sum, and wasm has no fused multiply-add, so vector and scalar
// paths give the same bits. Large products are packed (the transposes happen while packing), blocked for
// the caches (KC × NC panels of B, MC × KC blocks of A) and computed in 4 × 2-vector register tiles.
import { at, put } from './memory';

/** Rows of a register tile (measured: 6 rows spill registers in V8 and run at half the speed). */
export const MR = 4;
/** Depth of a block: one packed B micro-panel (KC × 8 float32 values, 8 KiB) stays in L1. */
const KC = 256;
/** Rows of a packed A block (MC × KC, 64 KiB in float32), kept in L2; a multiple of MR. */
const MC = 64;
/** Columns of a packed B panel (KC × NC, 1 MiB in float32). */
const NC = 1024;
/** Below this many multiply-adds, packing costs more than it saves. */
const PACK_MIN = 8192;

/** Columns of a register tile: two vectors. */
function nr<T>(): i32 {
  return <i32>(32 / sizeof<T>());
}

/** Bytes of scratch one thread needs for the packed blocks and an edge tile. */
export function scratchBytes(): i32 {
  return (MC * KC + KC * NC + MR * 4) * 8;
}

function elementA<T>(a: usize, ta: bool, m: i32, k: i32, i: i32, p: i32): T {
  return ta ? at<T>(a, p * m + i) : at<T>(a, i * k + p);
}

function elementB<T>(b: usize, tb: bool, n: i32, k: i32, p: i32, j: i32): T {
  return tb ? at<T>(b, j * k + p) : at<T>(b, p * n + j);
}

/** The block rows i0 … i1 − 1, columns j0 … j1 − 1 of C; `scratch` is this thread's scratchBytes(). */
export function matMulBlock<T>(
  a: usize,
  b: usize,
  c: usize,
  m: i32,
  n: i32,
  k: i32,
  ta: bool,
  tb: bool,
  i0: i32,
  i1: i32,
  j0: i32,
  j1: i32,
  scratch: usize,
): void {
  if (i1 <= i0 || j1 <= j0) return;
  if (<i64>(i1 - i0) * <i64>(j1 - j0) * <i64>k < PACK_MIN || j1 - j0 < nr<T>() || k === 0) {
    direct<T>(a, b, c, m, n, k, ta, tb, i0, i1, j0, j1);
    return;
  }
  const size = sizeof<T>();
  const NR = nr<T>();
  const ap = scratch;
  const bp = ap + <usize>(MC * KC) * size;
  const tile = bp + <usize>(KC * NC) * size;
  for (let jc = j0; jc < j1; jc += NC) {
    const nc = min(NC, j1 - jc);
    for (let pc = 0; pc < k; pc += KC) {
      const kc = min(KC, k - pc);
      packB<T>(b, tb, n, k, pc, kc, jc, nc, bp);
      for (let ic = i0; ic < i1; ic += MC) {
        const mc = min(MC, i1 - ic);
        packA<T>(a, ta, m, k, ic, mc, pc, kc, ap);
        for (let jr = 0; jr < nc; jr += NR) {
          const panelB = bp + <usize>(jr * kc) * size;
          const cols = min(NR, nc - jr);
          for (let ir = 0; ir < mc; ir += MR) {
            const target = c + <usize>((ic + ir) * n + jc + jr) * size;
            const panelA = ap + <usize>(ir * kc) * size;
            const rows = min(MR, mc - ir);
            if (rows === MR && cols === NR) {
              micro<T>(kc, panelA, panelB, target, <usize>n * size, pc === 0);
            } else {
              edge<T>(kc, panelA, panelB, target, n, rows, cols, pc === 0, tile);
            }
          }
        }
      }
    }
  }
}

/** Unpacked loops for small products: each C[i, j] one running sum, walking op(A) and op(B) by strides. */
function direct<T>(
  a: usize,
  b: usize,
  c: usize,
  m: i32,
  n: i32,
  k: i32,
  ta: bool,
  tb: bool,
  i0: i32,
  i1: i32,
  j0: i32,
  j1: i32,
): void {
  const size = sizeof<T>();
  // Byte strides of op(A) along a row (i) and along the sum (p), and of op(B) along p and j.
  const aRow = ta ? size : <usize>k * size;
  const aSum = ta ? <usize>m * size : size;
  const bSum = tb ? size : <usize>n * size;
  const bCol = tb ? <usize>k * size : size;
  for (let i = i0; i < i1; i++) {
    const rowA = a + <usize>i * aRow;
    for (let j = j0; j < j1; j++) {
      let pa = rowA;
      let pb = b + <usize>j * bCol;
      let sum: T = <T>0;
      for (let p = 0; p < k; p++) {
        sum += load<T>(pa) * load<T>(pb);
        pa += aSum;
        pb += bSum;
      }
      put<T>(c, i * n + j, sum);
    }
  }
}

/** B[pc … pc + kc, jc … jc + nc] as NR-column micro-panels, each kc rows of NR values, zero-padded. */
function packB<T>(
  b: usize,
  tb: bool,
  n: i32,
  k: i32,
  pc: i32,
  kc: i32,
  jc: i32,
  nc: i32,
  dst: usize,
): void {
  const NR = nr<T>();
  for (let jr = 0; jr < nc; jr += NR) {
    const cols = min(NR, nc - jr);
    const panel = dst + <usize>(jr * kc) * sizeof<T>();
    if (!tb && cols === NR) {
      for (let p = 0; p < kc; p++) {
        const from = b + <usize>((pc + p) * n + jc + jr) * sizeof<T>();
        const to = panel + <usize>(p * NR) * sizeof<T>();
        v128.store(to, v128.load(from));
        v128.store(to, v128.load(from, 16), 16);
      }
    } else {
      for (let p = 0; p < kc; p++) {
        const to = panel + <usize>(p * NR) * sizeof<T>();
        for (let j = 0; j < NR; j++) {
          put<T>(to, j, j < cols ? elementB<T>(b, tb, n, k, pc + p, jc + jr + j) : <T>0);
        }
      }
    }
  }
}

/** A[ic … ic + mc, pc … pc + kc] as MR-row micro-panels, each kc columns of MR values, zero-padded. */
function packA<T>(
  a: usize,
  ta: bool,
  m: i32,
  k: i32,
  ic: i32,
  mc: i32,
  pc: i32,
  kc: i32,
  dst: usize,
): void {
  for (let ir = 0; ir < mc; ir += MR) {
    const rows = min(MR, mc - ir);
    const panel = dst + <usize>(ir * kc) * sizeof<T>();
    for (let p = 0; p < kc; p++) {
      const to = panel + <usize>(p * MR) * sizeof<T>();
      for (let r = 0; r < MR; r++) {
        put<T>(to, r, r < rows ? elementA<T>(a, ta, m, k, ic + ir + r, pc + p) : <T>0);
      }
    }
  }
}

/** Splats op(A)'s value at `ap` across a vector (one load-and-splat instruction). */
function splatA<T>(ap: usize): v128 {
  return sizeof<T>() === 8 ? v128.load64_splat(ap) : v128.load32_splat(ap);
}

/** A 4 × 2-vector tile of C: loaded (or zero when `first`), kc products added in order, stored. */
function micro<T>(kc: i32, ap: usize, bp: usize, c: usize, ldc: usize, first: bool): void {
  let c00: v128, c01: v128, c10: v128, c11: v128, c20: v128, c21: v128, c30: v128, c31: v128;
  const c1 = c + ldc;
  const c2 = c1 + ldc;
  const c3 = c2 + ldc;
  if (first) {
    const zero = v128.splat<T>(<T>0);
    c00 = c01 = c10 = c11 = c20 = c21 = c30 = c31 = zero;
  } else {
    c00 = v128.load(c);
    c01 = v128.load(c, 16);
    c10 = v128.load(c1);
    c11 = v128.load(c1, 16);
    c20 = v128.load(c2);
    c21 = v128.load(c2, 16);
    c30 = v128.load(c3);
    c31 = v128.load(c3, 16);
  }
  const size = sizeof<T>();
  for (let p = 0; p < kc; p++) {
    const b0 = v128.load(bp);
    const b1 = v128.load(bp, 16);
    let x = splatA<T>(ap);
    c00 = v128.add<T>(c00, v128.mul<T>(x, b0));
    c01 = v128.add<T>(c01, v128.mul<T>(x, b1));
    x = splatA<T>(ap + size);
    c10 = v128.add<T>(c10, v128.mul<T>(x, b0));
    c11 = v128.add<T>(c11, v128.mul<T>(x, b1));
    x = splatA<T>(ap + 2 * size);
    c20 = v128.add<T>(c20, v128.mul<T>(x, b0));
    c21 = v128.add<T>(c21, v128.mul<T>(x, b1));
    x = splatA<T>(ap + 3 * size);
    c30 = v128.add<T>(c30, v128.mul<T>(x, b0));
    c31 = v128.add<T>(c31, v128.mul<T>(x, b1));
    ap += <usize>MR * size;
    bp += 32;
  }
  v128.store(c, c00);
  v128.store(c, c01, 16);
  v128.store(c1, c10);
  v128.store(c1, c11, 16);
  v128.store(c2, c20);
  v128.store(c2, c21, 16);
  v128.store(c3, c30);
  v128.store(c3, c31, 16);
}

/** A tile at C's edge: computed in `tile` (MR × NR), only its rows × cols part copied to and from C. */
function edge<T>(
  kc: i32,
  ap: usize,
  bp: usize,
  c: usize,
  n: i32,
  rows: i32,
  cols: i32,
  first: bool,
  tile: usize,
): void {
  const NR = nr<T>();
  if (!first) {
    for (let r = 0; r < MR; r++) {
      for (let j = 0; j < NR; j++)
        put<T>(tile, r * NR + j, r < rows && j < cols ? at<T>(c, r * n + j) : <T>0);
    }
  }
  micro<T>(kc, ap, bp, tile, <usize>NR * sizeof<T>(), first);
  for (let r = 0; r < rows; r++) {
    for (let j = 0; j < cols; j++) put<T>(c, r * n + j, at<T>(tile, r * NR + j));
  }
}
