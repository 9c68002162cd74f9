import type { CpuStorage } from './storage.js';

/**
 * The four products behind matMul, on row-major arrays: C (m×n) = op(A)·op(B),
 * with k the length of each sum. Every inner loop walks memory contiguously,
 * and every C[i, j] is the sum over p = 0, 1, …, k − 1 in that order,
 * starting from 0: the order of a plain dot product (and of NumPy's
 * reference script), so float64 results are the same bit for bit whatever
 * the transposes. Blocks of four rows (or columns) share each load of the
 * other operand, and the NN and TN loops add two terms per pass over C, one
 * after the other; they change which sums run side by side and how often C
 * is loaded and stored, never the order within one sum.
 */

/** C = A·B: A is m×k, B is k×n. i-p-j order: rows of B and C run contiguously. */
export function productNN(
  A: CpuStorage,
  B: CpuStorage,
  C: CpuStorage,
  m: number,
  n: number,
  k: number,
): void {
  let i = 0;
  for (; i + 4 <= m; i += 4) {
    const c0 = i * n;
    const c1 = c0 + n;
    const c2 = c1 + n;
    const c3 = c2 + n;
    const a0 = i * k;
    for (let j = c0; j < c0 + 4 * n; j++) C[j] = 0;
    let p = 0;
    // (C + x·v) + z·w: two terms per pass in their order, half the loads and stores of C.
    for (; p + 2 <= k; p += 2) {
      const x0 = A[a0 + p] as number;
      const x1 = A[a0 + k + p] as number;
      const x2 = A[a0 + 2 * k + p] as number;
      const x3 = A[a0 + 3 * k + p] as number;
      const z0 = A[a0 + p + 1] as number;
      const z1 = A[a0 + k + p + 1] as number;
      const z2 = A[a0 + 2 * k + p + 1] as number;
      const z3 = A[a0 + 3 * k + p + 1] as number;
      const b = p * n;
      for (let j = 0; j < n; j++) {
        const v = B[b + j] as number;
        const w = B[b + n + j] as number;
        C[c0 + j] = (C[c0 + j] as number) + x0 * v + z0 * w;
        C[c1 + j] = (C[c1 + j] as number) + x1 * v + z1 * w;
        C[c2 + j] = (C[c2 + j] as number) + x2 * v + z2 * w;
        C[c3 + j] = (C[c3 + j] as number) + x3 * v + z3 * w;
      }
    }
    for (; p < k; p++) {
      const x0 = A[a0 + p] as number;
      const x1 = A[a0 + k + p] as number;
      const x2 = A[a0 + 2 * k + p] as number;
      const x3 = A[a0 + 3 * k + p] as number;
      const b = p * n;
      for (let j = 0; j < n; j++) {
        const v = B[b + j] as number;
        C[c0 + j] = (C[c0 + j] as number) + x0 * v;
        C[c1 + j] = (C[c1 + j] as number) + x1 * v;
        C[c2 + j] = (C[c2 + j] as number) + x2 * v;
        C[c3 + j] = (C[c3 + j] as number) + x3 * v;
      }
    }
  }
  for (; i < m; i++) {
    const c = i * n;
    for (let j = c; j < c + n; j++) C[j] = 0;
    for (let p = 0; p < k; p++) {
      const x = A[i * k + p] as number;
      const b = p * n;
      for (let j = 0; j < n; j++) C[c + j] = (C[c + j] as number) + x * (B[b + j] as number);
    }
  }
}

/**
 * C = Aᵀ·B: A is k×m, B is k×n (grad_w = xᵀ · delta). Four columns of A at a
 * time are four neighbouring values of its row p, so A is read along its rows too.
 */
export function productTN(
  A: CpuStorage,
  B: CpuStorage,
  C: CpuStorage,
  m: number,
  n: number,
  k: number,
): void {
  let i = 0;
  for (; i + 4 <= m; i += 4) {
    const c0 = i * n;
    const c1 = c0 + n;
    const c2 = c1 + n;
    const c3 = c2 + n;
    for (let j = c0; j < c0 + 4 * n; j++) C[j] = 0;
    let p = 0;
    for (; p + 2 <= k; p += 2) {
      const a = p * m + i;
      const x0 = A[a] as number;
      const x1 = A[a + 1] as number;
      const x2 = A[a + 2] as number;
      const x3 = A[a + 3] as number;
      const z0 = A[a + m] as number;
      const z1 = A[a + m + 1] as number;
      const z2 = A[a + m + 2] as number;
      const z3 = A[a + m + 3] as number;
      const b = p * n;
      for (let j = 0; j < n; j++) {
        const v = B[b + j] as number;
        const w = B[b + n + j] as number;
        C[c0 + j] = (C[c0 + j] as number) + x0 * v + z0 * w;
        C[c1 + j] = (C[c1 + j] as number) + x1 * v + z1 * w;
        C[c2 + j] = (C[c2 + j] as number) + x2 * v + z2 * w;
        C[c3 + j] = (C[c3 + j] as number) + x3 * v + z3 * w;
      }
    }
    for (; p < k; p++) {
      const a = p * m + i;
      const x0 = A[a] as number;
      const x1 = A[a + 1] as number;
      const x2 = A[a + 2] as number;
      const x3 = A[a + 3] as number;
      const b = p * n;
      for (let j = 0; j < n; j++) {
        const v = B[b + j] as number;
        C[c0 + j] = (C[c0 + j] as number) + x0 * v;
        C[c1 + j] = (C[c1 + j] as number) + x1 * v;
        C[c2 + j] = (C[c2 + j] as number) + x2 * v;
        C[c3 + j] = (C[c3 + j] as number) + x3 * v;
      }
    }
  }
  for (; i < m; i++) {
    const c = i * n;
    for (let j = c; j < c + n; j++) C[j] = 0;
    for (let p = 0; p < k; p++) {
      const x = A[p * m + i] as number;
      const b = p * n;
      for (let j = 0; j < n; j++) C[c + j] = (C[c + j] as number) + x * (B[b + j] as number);
    }
  }
}

/**
 * C = A·Bᵀ: A is m×k, B is n×k (grad_x = delta · Wᵀ). Each C[i, j] is a dot
 * product of two rows; four run at once, so that one sum's additions do not
 * wait on each other and each load of A's row serves four.
 */
export function productNT(
  A: CpuStorage,
  B: CpuStorage,
  C: CpuStorage,
  m: number,
  n: number,
  k: number,
): void {
  for (let i = 0; i < m; i++) {
    const a = i * k;
    const c = i * n;
    let j = 0;
    for (; j + 4 <= n; j += 4) {
      const b0 = j * k;
      const b1 = b0 + k;
      const b2 = b1 + k;
      const b3 = b2 + k;
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let p = 0; p < k; p++) {
        const x = A[a + p] as number;
        s0 += x * (B[b0 + p] as number);
        s1 += x * (B[b1 + p] as number);
        s2 += x * (B[b2 + p] as number);
        s3 += x * (B[b3 + p] as number);
      }
      C[c + j] = s0;
      C[c + j + 1] = s1;
      C[c + j + 2] = s2;
      C[c + j + 3] = s3;
    }
    for (; j < n; j++) {
      const b = j * k;
      let s = 0;
      for (let p = 0; p < k; p++) s += (A[a + p] as number) * (B[b + p] as number);
      C[c + j] = s;
    }
  }
}

/** One column of C at a time for productTT, grown when a longer one is asked for. */
let column = new Float64Array(64);

/**
 * C = Aᵀ·Bᵀ: A is k×m, B is n×k. Column j of C is (B·A)'s row j: summed
 * into a scratch row along rows of A, then written to C once.
 */
export function productTT(
  A: CpuStorage,
  B: CpuStorage,
  C: CpuStorage,
  m: number,
  n: number,
  k: number,
): void {
  if (column.length < m) column = new Float64Array(m);
  const acc = column;
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < m; i++) acc[i] = 0;
    const b = j * k;
    for (let p = 0; p < k; p++) {
      const x = B[b + p] as number;
      const a = p * m;
      for (let i = 0; i < m; i++) acc[i] = (acc[i] as number) + x * (A[a + i] as number);
    }
    for (let i = 0; i < m; i++) C[i * n + j] = acc[i] as number;
  }
}
