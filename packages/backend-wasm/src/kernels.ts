import type { KernelTable, Precision } from '@nn/core';
import { ACTIVATION_CODES, BINARY_CODES, LOSS_CODES, UNARY_CODES } from './codes.js';
import type { ModuleExports } from './runtime.js';
import type { WasmStorage } from './storage.js';

type Call = (...args: number[]) => void;

/** The module's kernels of one precision, by their name without the _f64 / _f32 suffix. */
export function precisionExports(
  exports: ModuleExports,
  precision: Precision,
): (name: string) => Call {
  const suffix = precision === 'float64' ? '_f64' : '_f32';
  return (name) => exports[`${name}${suffix}`] as Call;
}

/** Every kernel of core's contract, each one call into the module with byte offsets and codes. */
export function wasmKernels(
  exports: ModuleExports,
  precision: Precision,
): KernelTable<WasmStorage> {
  const call = precisionExports(exports, precision);
  const matMul = call('matMul');
  const biasAdd = call('biasAdd');
  const columnSum = call('columnSum');
  const activationForward = call('activationForward');
  const activationBackward = call('activationBackward');
  const lossValue = call('lossValue');
  const lossGradient = call('lossGradient');
  const unary = call('unary');
  const binary = call('binary');
  const sgdUpdate = call('sgdUpdate');
  const momentumUpdate = call('momentumUpdate');
  const adagradUpdate = call('adagradUpdate');
  const rmspropUpdate = call('rmspropUpdate');
  const adamUpdate = call('adamUpdate');
  const gatherRows = call('gatherRows');
  const fill = call('fill');
  const denseForward = call('denseForward');
  const denseBackward = call('denseBackward');
  return {
    matMul: (a, b, out, ta, tb) =>
      matMul(
        a.storage.ptr,
        b.storage.ptr,
        out.storage.ptr,
        out.rows,
        out.cols,
        ta ? a.rows : a.cols,
        ta ? 1 : 0,
        tb ? 1 : 0,
      ),
    biasAdd: (x, bias, out) =>
      biasAdd(x.storage.ptr, bias.storage.ptr, out.storage.ptr, x.rows, x.cols),
    columnSum: (x, out) => columnSum(x.storage.ptr, out.storage.ptr, x.rows, x.cols),
    activationForward: (kind, x, out) =>
      activationForward(ACTIVATION_CODES[kind], x.storage.ptr, out.storage.ptr, x.rows, x.cols),
    activationBackward: (kind, y, dy, out) =>
      activationBackward(
        ACTIVATION_CODES[kind],
        y.storage.ptr,
        dy.storage.ptr,
        out.storage.ptr,
        y.rows,
        y.cols,
      ),
    lossValue: (kind, y, t, out, accumulate) =>
      lossValue(
        LOSS_CODES[kind],
        y.storage.ptr,
        t.storage.ptr,
        out.storage.ptr,
        y.rows,
        y.cols,
        accumulate ? 1 : 0,
      ),
    lossGradient: (kind, y, t, out) =>
      lossGradient(LOSS_CODES[kind], y.storage.ptr, t.storage.ptr, out.storage.ptr, y.rows, y.cols),
    unary: (op, x, out) => unary(UNARY_CODES[op], x.storage.ptr, out.storage.ptr, x.size),
    binary: (op, a, b, out) =>
      binary(BINARY_CODES[op], a.storage.ptr, b.storage.ptr, out.storage.ptr, a.size),
    sgdUpdate: (param, grad, eta) =>
      sgdUpdate(param.storage.ptr, grad.storage.ptr, eta, param.size),
    momentumUpdate: (param, grad, velocity, eta, alpha) =>
      momentumUpdate(
        param.storage.ptr,
        grad.storage.ptr,
        velocity.storage.ptr,
        eta,
        alpha,
        param.size,
      ),
    adagradUpdate: (param, grad, h, eta) =>
      adagradUpdate(param.storage.ptr, grad.storage.ptr, h.storage.ptr, eta, param.size),
    rmspropUpdate: (param, grad, h, eta, rho) =>
      rmspropUpdate(param.storage.ptr, grad.storage.ptr, h.storage.ptr, eta, rho, param.size),
    adamUpdate: (param, grad, m, v, eta, beta1, beta2, c1, c2) =>
      adamUpdate(
        param.storage.ptr,
        grad.storage.ptr,
        m.storage.ptr,
        v.storage.ptr,
        eta,
        beta1,
        beta2,
        c1,
        c2,
        param.size,
      ),
    gatherRows: (src, indices, offset, out) =>
      gatherRows(src.storage.ptr, indices.storage.ptr, offset, out.storage.ptr, out.rows, src.cols),
    fill: (out, value) => fill(out.storage.ptr, value, out.size),
    denseForward: (x, w, b, activation, out) =>
      denseForward(
        x.storage.ptr,
        w.storage.ptr,
        b.storage.ptr,
        ACTIVATION_CODES[activation],
        out.storage.ptr,
        x.rows,
        x.cols,
        out.cols,
      ),
    denseBackward: (x, w, y, dy, activation, delta, gradW, gradB, dx) =>
      denseBackward(
        x.storage.ptr,
        w.storage.ptr,
        y.storage.ptr,
        dy.storage.ptr,
        ACTIVATION_CODES[activation],
        delta.storage.ptr,
        gradW.storage.ptr,
        gradB.storage.ptr,
        dx?.storage.ptr ?? 0,
        dx === undefined ? 0 : 1,
        x.rows,
        x.cols,
        y.cols,
      ),
  };
}
