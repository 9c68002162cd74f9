import { Backend, type BackendDriver, type RequiredKernels, type Tensor } from '@nn/core';
import * as math from '../../src/reference-math.js';

type Plain = Tensor<number[]>;

/** Writes exactly out.size values: the loop a broken kernel gets wrong. */
function assign(out: Plain, values: ArrayLike<number>): void {
  for (let i = 0; i < out.size; i++) out.storage[i] = values[i] as number;
}

/** t's values: its first size numbers, whatever a broken kernel appended. */
function valuesOf(t: Plain): number[] {
  return t.storage.slice(0, t.size);
}

/** The required kernels on plain arrays, each a call into the float64 reference math. */
export const plainKernels: RequiredKernels<number[]> = {
  matMul: (a, b, out, ta, tb) =>
    assign(out, math.matMul(valuesOf(a), a.shape, valuesOf(b), b.shape, ta, tb)),
  biasAdd: (x, bias, out) => assign(out, math.biasAdd(valuesOf(x), x.cols, valuesOf(bias))),
  columnSum: (x, out) => assign(out, math.columnSum(valuesOf(x), x.cols)),
  activationForward: (kind, x, out) => assign(out, math.activationRows(kind, valuesOf(x), x.cols)),
  activationBackward: (kind, y, dy, out) =>
    assign(out, math.activationGradientRows(kind, valuesOf(y), valuesOf(dy), y.cols)),
  lossValue: (kind, y, t, out, accumulate) => {
    const value = math.lossValue(kind, valuesOf(y), valuesOf(t), y.cols);
    out.storage[0] = accumulate ? (out.storage[0] as number) + value : value;
  },
  lossGradient: (kind, y, t, out) =>
    assign(out, math.lossGradient(kind, valuesOf(y), valuesOf(t), y.cols)),
  sgdUpdate: (param, grad, eta) =>
    assign(
      param,
      valuesOf(param).map((p, i) => p - eta * (grad.storage[i] as number)),
    ),
  gatherRows: (src, indices, offset, out) =>
    assign(out, math.gatherRows(valuesOf(src), src.cols, valuesOf(indices), offset, out.rows)),
  fill: (out, value) => assign(out, new Array<number>(out.size).fill(value)),
};

/**
 * A correct backend on plain `number[]` storage, with the required kernels
 * only, like the contributor's of issue #11: the base of a broken backend
 * that needs storage that grows, and the control that shows the suite
 * passes it. Plain arrays grow when written past their end, so this driver
 * answers `storageSize`.
 */
export function createPlainDriver(): BackendDriver<number[]> {
  return {
    name: 'plain',
    capabilities: { precision: 'float64', syncRead: true, mode: 'float64' },
    allocate: (size) => new Array<number>(size).fill(0),
    upload: (storage, data) => {
      for (let i = 0; i < data.length; i++) storage[i] = data[i] as number;
    },
    download: (storage, size) => Promise.resolve(Float64Array.from(storage.slice(0, size))),
    downloadSync: (storage, size) => Float64Array.from(storage.slice(0, size)),
    release: () => {},
    storageSize: (storage) => storage.length,
    kernels: plainKernels,
  };
}

export function createPlainBackend(): Backend<number[]> {
  return new Backend(createPlainDriver());
}
