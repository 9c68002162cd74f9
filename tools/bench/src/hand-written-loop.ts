import { NumpyRng, textbookData } from '@nn/core';

/**
 * The textbook run as one specialised loop on Float64Arrays: no tensors, no
 * kernel calls, the book's math inlined. The yardstick of what JavaScript can
 * do; returns the final epoch's error so the work can't be optimised away.
 */
export function handWrittenTextbookRun(
  seed: number,
  hidden: number,
  eta: number,
  epochs: number,
): number {
  const { x, t, samples } = textbookData();
  const rng = new NumpyRng(seed);
  const draw = (n: number) => Float64Array.from({ length: n }, () => 0.01 * rng.normal());
  const w1 = draw(hidden);
  const b1 = draw(hidden);
  const w2 = draw(hidden);
  const b2 = draw(1);
  const h = new Float64Array(hidden);
  const order = new Int32Array(samples);
  let error = 0;
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = 0; i < samples; i++) order[i] = i;
    rng.shuffle(order);
    error = 0;
    for (let s = 0; s < samples; s++) {
      const idx = order[s] as number;
      const xi = x[idx] as number;
      let y = 0;
      for (let j = 0; j < hidden; j++) {
        const hj = 1 / (1 + Math.exp(-(xi * (w1[j] as number) + (b1[j] as number))));
        h[j] = hj;
        y += hj * (w2[j] as number);
      }
      y += b2[0] as number;
      const delta = y - (t[idx] as number);
      error += 0.5 * delta * delta;
      for (let j = 0; j < hidden; j++) {
        const hj = h[j] as number;
        const deltaHidden = delta * (w2[j] as number) * (1 - hj) * hj;
        w2[j] = (w2[j] as number) - eta * delta * hj;
        w1[j] = (w1[j] as number) - eta * deltaHidden * xi;
        b1[j] = (b1[j] as number) - eta * deltaHidden;
      }
      b2[0] = (b2[0] as number) - eta * delta;
    }
  }
  return error / samples;
}
