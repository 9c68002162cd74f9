import type { Activation } from '@nn/core';
import type { CpuTensor } from './storage.js';

/** out = dy · f'(u), from the forward output y. */
export function activationBackward(
  kind: Activation,
  y: CpuTensor,
  dy: CpuTensor,
  out: CpuTensor,
): void {
  const Y = y.storage;
  const G = dy.storage;
  const D = out.storage;
  switch (kind) {
    case 'sigmoid':
      // The book's delta = grad_y * (1 - y) * y, in its order of operations.
      for (let i = 0; i < Y.length; i++) {
        const v = Y[i] as number;
        D[i] = (G[i] as number) * (1 - v) * v;
      }
      return;
    case 'identity':
      if (D !== G) D.set(G);
      return;
    case 'tanh':
      for (let i = 0; i < Y.length; i++) {
        const v = Y[i] as number;
        D[i] = (G[i] as number) * (1 - v * v);
      }
      return;
    case 'relu':
      for (let i = 0; i < Y.length; i++) D[i] = (Y[i] as number) > 0 ? (G[i] as number) : 0;
      return;
    case 'softmax': {
      // Per row y · (dy − Σ dy·y), the sum from the first column; in place works (the sum comes first).
      const n = y.cols;
      for (let row = 0; row < Y.length; row += n) {
        let dot = 0;
        for (let j = row; j < row + n; j++) dot += (G[j] as number) * (Y[j] as number);
        for (let j = row; j < row + n; j++) D[j] = (Y[j] as number) * ((G[j] as number) - dot);
      }
      return;
    }
  }
}
