import type { Dataset } from '../training/training-session.js';

/**
 * np.arange(-1.0, 1.1, 0.1) as NumPy builds it: start + i · (start + step − start),
 * so its 11th value is about -2.2e-16, not 0 (and some labels depend on it).
 */
export function bookGrid(): Float64Array {
  const start = -1.0;
  const delta = start + 0.1 - start;
  const length = Math.ceil((1.1 - start) / 0.1);
  return Float64Array.from({ length }, (_, i) => start + i * delta);
}

/**
 * The book's §5.10 data: the 21 × 21 grid over [-1, 1]² (x the outer loop),
 * each point labelled [0, 1] when it lies below y = sin(πx), else [1, 0].
 */
export function classificationData(): Dataset & { samples: number } {
  const grid = bookGrid();
  const samples = grid.length * grid.length;
  const x = new Float64Array(samples * 2);
  const t = new Float64Array(samples * 2);
  let i = 0;
  for (const gx of grid) {
    for (const gy of grid) {
      x[2 * i] = gx;
      x[2 * i + 1] = gy;
      t[2 * i + (gy < Math.sin(Math.PI * gx) ? 1 : 0)] = 1;
      i++;
    }
  }
  return { x, t, samples };
}
