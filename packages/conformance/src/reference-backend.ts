import {
  type AllKernels,
  Backend,
  type BackendDriver,
  denseBackwardFromKernels,
  denseForwardFromKernels,
  type Tensor,
} from '@nn/core';
import * as math from './reference-math.js';

type RefTensor = Tensor<Float64Array>;

function assign(out: RefTensor, values: ArrayLike<number>): void {
  out.storage.set(values);
}

/**
 * The plainest backend that passes the suite: Float64Array storage and every
 * kernel a call into reference-math. The suite tests itself against it, and a
 * new backend can start as a copy of this file.
 */
const kernels: AllKernels<Float64Array> = {
  matMul: (a, b, out, ta, tb) =>
    assign(out, math.matMul(a.storage, a.shape, b.storage, b.shape, ta, tb)),
  biasAdd: (x, bias, out) => assign(out, math.biasAdd(x.storage, x.cols, bias.storage)),
  columnSum: (x, out) => assign(out, math.columnSum(x.storage, x.cols)),
  unary: (op, x, out) =>
    assign(
      out,
      x.storage.map((v) => math.unary(op, v)),
    ),
  binary: (op, a, b, out) =>
    assign(
      out,
      a.storage.map((u, i) => math.binary(op, u, b.storage[i] as number)),
    ),
  activationForward: (kind, x, out) => assign(out, math.activationRows(kind, x.storage, x.cols)),
  activationBackward: (kind, y, dy, out) =>
    assign(out, math.activationGradientRows(kind, y.storage, dy.storage, y.cols)),
  lossValue: (kind, y, t, out, accumulate) => {
    const value = math.lossValue(kind, y.storage, t.storage, y.cols);
    out.storage[0] = accumulate ? (out.storage[0] as number) + value : value;
  },
  lossGradient: (kind, y, t, out) =>
    assign(out, math.lossGradient(kind, y.storage, t.storage, y.cols)),
  sgdUpdate: (param, grad, eta) =>
    assign(
      param,
      param.storage.map((p, i) => p - eta * (grad.storage[i] as number)),
    ),
  momentumUpdate: (param, grad, velocity, eta, alpha) =>
    math.momentumUpdate(param.storage, grad.storage, velocity.storage, eta, alpha),
  adagradUpdate: (param, grad, h, eta) =>
    math.adagradUpdate(param.storage, grad.storage, h.storage, eta),
  rmspropUpdate: (param, grad, h, eta, rho) =>
    math.rmspropUpdate(param.storage, grad.storage, h.storage, eta, rho),
  adamUpdate: (param, grad, m, v, eta, beta1, beta2, c1, c2) =>
    math.adamUpdate(param.storage, grad.storage, m.storage, v.storage, eta, beta1, beta2, c1, c2),
  gatherRows: (src, indices, offset, out) =>
    assign(out, math.gatherRows(src.storage, src.cols, indices.storage, offset, out.rows)),
  fill: (out, value) => out.storage.fill(value),
  // The "fused" kernels are core's composition of the ones above, called without checks.
  denseForward: (x, w, b, activation, out) =>
    denseForwardFromKernels(kernels, x, w, b, activation, out),
  denseBackward: (x, w, y, dy, activation, delta, gradW, gradB, dx) =>
    denseBackwardFromKernels(kernels, x, w, y, dy, activation, delta, gradW, gradB, dx),
};

/**
 * With `optionalKernels: false` it has the required kernels only, so core
 * composes the dense layers and the suite shows the optional kernels' tests
 * as skipped. It compiles no training plans: it is the suite's backend
 * without the plan capability.
 */
export function createReferenceBackend(
  options: { optionalKernels?: boolean } = {},
): Backend<Float64Array> {
  return new Backend(createReferenceDriver(options));
}

/** The reference backend's driver, for tests that wrap or extend it. */
export function createReferenceDriver(
  options: { optionalKernels?: boolean } = {},
): BackendDriver<Float64Array> {
  const {
    denseForward,
    denseBackward,
    unary,
    binary,
    momentumUpdate,
    adagradUpdate,
    rmspropUpdate,
    adamUpdate,
    ...required
  } = kernels;
  // Garbage collection frees the arrays; the set counts what release has not
  // let go of, for the suite's leak check (the driver hook liveAllocations).
  const live = new Set<Float64Array>();
  return {
    name: 'reference',
    capabilities: { precision: 'float64', syncRead: true, mode: 'float64' },
    allocate: (size) => {
      const storage = new Float64Array(size);
      live.add(storage);
      return storage;
    },
    upload: (storage, data) => storage.set(data),
    download: (storage) => Promise.resolve(storage.slice()),
    downloadSync: (storage) => storage.slice(),
    release: (storage) => {
      live.delete(storage);
    },
    liveAllocations: () => live.size,
    kernels: options.optionalKernels === false ? required : kernels,
  };
}
