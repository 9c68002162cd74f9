import type { KernelThis } from '../device.js';

// softmax works on rows: each thread loops over its row's columns (a
// compile-time constant), so one launch still writes one element per thread.

/**
 * out[i, j] = exp(x[i, j]) / Σc exp(x[i, c]), the row summed from its first
 * column: the book's form, with no max subtracted, so a large x overflows
 * to Infinity and gives NaN as NumPy does.
 */
export function softmaxKernel(this: KernelThis<{ cols: number }>, x: number[]): number {
  const i = Math.floor((this.thread.x + 0.5) / this.constants.cols);
  let sum = 0;
  for (let c = 0; c < this.constants.cols; c++) {
    sum += Math.exp(x[i * this.constants.cols + c] as number);
  }
  return Math.exp(x[this.thread.x] as number) / sum;
}

/** out[i, j] = y[i, j] · (dy[i, j] − Σc dy[i, c] · y[i, c]). */
export function softmaxBackwardKernel(
  this: KernelThis<{ cols: number }>,
  y: number[],
  dy: number[],
): number {
  const i = Math.floor((this.thread.x + 0.5) / this.constants.cols);
  let dot = 0;
  for (let c = 0; c < this.constants.cols; c++) {
    const at = i * this.constants.cols + c;
    dot += (dy[at] as number) * (y[at] as number);
  }
  return (y[this.thread.x] as number) * ((dy[this.thread.x] as number) - dot);
}
