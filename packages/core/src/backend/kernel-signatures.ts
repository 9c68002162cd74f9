import { NNError } from '../errors.js';
import type { AllKernels, KernelName } from '../kernels.js';
import { formatShape, type Tensor } from '../tensor.js';
import { expectShape } from './tensor-checks.js';

/** [argument name, tensor, rows, cols] it must have. */
export type ShapeRule = readonly [arg: string, t: Tensor, rows: number, cols: number];

interface Signature<K extends KernelName> {
  /** The tensor arguments by name and position; each is checked for owner and liveness. */
  readonly tensors: Readonly<Record<string, number>>;
  /** The shapes the arguments must have, given the call; throws itself for other mistakes. */
  readonly shapes: (...args: Parameters<AllKernels[K]>) => readonly ShapeRule[];
}

/** Each kernel's shape contract, declared once; Backend checks every call against it. */
export const KERNEL_SIGNATURES: { readonly [K in KernelName]: Signature<K> } = {
  matMul: {
    tensors: { a: 0, b: 1, out: 2 },
    shapes: (a, b, out, transposeA, transposeB) => {
      const m = transposeA ? a.cols : a.rows;
      const k = transposeA ? a.rows : a.cols;
      const k2 = transposeB ? b.cols : b.rows;
      const n = transposeB ? b.rows : b.cols;
      if (k !== k2) {
        throw new NNError(
          'NN_SHAPE_MISMATCH',
          `matMul: op(a) is ${m}×${k} but op(b) is ${k2}×${n}; op(a)'s columns must equal op(b)'s rows`,
        );
      }
      // The shape first: an out of the wrong shape is a shape mistake even when it is a or b.
      expectShape('matMul', 'out', out, m, n);
      if (out === a || out === b) {
        throw new NNError('NN_INVALID_ARGUMENT', 'matMul: out must be a tensor other than a and b');
      }
      return [];
    },
  },
  biasAdd: {
    tensors: { x: 0, bias: 1, out: 2 },
    shapes: (x, bias, out) => [
      ['bias', bias, 1, x.cols],
      ['out', out, x.rows, x.cols],
    ],
  },
  columnSum: {
    tensors: { x: 0, out: 1 },
    shapes: (x, out) => [['out', out, 1, x.cols]],
  },
  unary: {
    tensors: { x: 1, out: 2 },
    shapes: (_op, x, out) => [['out', out, x.rows, x.cols]],
  },
  binary: {
    tensors: { a: 1, b: 2, out: 3 },
    shapes: (_op, a, b, out) => [
      ['b', b, a.rows, a.cols],
      ['out', out, a.rows, a.cols],
    ],
  },
  activationForward: {
    tensors: { x: 1, out: 2 },
    shapes: (_kind, x, out) => [['out', out, x.rows, x.cols]],
  },
  activationBackward: {
    tensors: { y: 1, dy: 2, out: 3 },
    shapes: (_kind, y, dy, out) => [
      ['dy', dy, y.rows, y.cols],
      ['out', out, y.rows, y.cols],
    ],
  },
  lossValue: {
    tensors: { y: 1, t: 2, out: 3 },
    shapes: (_kind, y, t, out) => [
      ['t', t, y.rows, y.cols],
      ['out', out, 1, 1],
    ],
  },
  lossGradient: {
    tensors: { y: 1, t: 2, out: 3 },
    shapes: (_kind, y, t, out) => [
      ['t', t, y.rows, y.cols],
      ['out', out, y.rows, y.cols],
    ],
  },
  sgdUpdate: {
    tensors: { param: 0, grad: 1 },
    shapes: (param, grad) => likeParam(param, { grad }),
  },
  momentumUpdate: {
    tensors: { param: 0, grad: 1, velocity: 2 },
    shapes: (param, grad, velocity) => likeParam(param, { grad, velocity }),
  },
  adagradUpdate: {
    tensors: { param: 0, grad: 1, h: 2 },
    shapes: (param, grad, h) => likeParam(param, { grad, h }),
  },
  rmspropUpdate: {
    tensors: { param: 0, grad: 1, h: 2 },
    shapes: (param, grad, h) => likeParam(param, { grad, h }),
  },
  adamUpdate: {
    tensors: { param: 0, grad: 1, m: 2, v: 3 },
    shapes: (param, grad, m, v) => likeParam(param, { grad, m, v }),
  },
  gatherRows: {
    tensors: { src: 0, indices: 1, out: 3 },
    shapes: (src, indices, offset, out) => {
      if (
        indices.rows !== 1 ||
        !Number.isInteger(offset) ||
        offset < 0 ||
        offset + out.rows > indices.cols
      ) {
        throw new NNError(
          'NN_SHAPE_MISMATCH',
          `gatherRows: rows ${offset}..${offset + out.rows - 1} of the indices are asked for, but indices is ${formatShape(indices.shape)}; pass a 1×n index tensor and an offset within it`,
        );
      }
      return [['out', out, out.rows, src.cols]];
    },
  },
  fill: {
    tensors: { out: 0 },
    shapes: () => [],
  },
  denseForward: {
    tensors: { x: 0, w: 1, b: 2, out: 4 },
    shapes: (x, w, b, _activation, out) => {
      if (x.cols !== w.rows) {
        throw new NNError(
          'NN_SHAPE_MISMATCH',
          `denseForward: x is ${formatShape(x.shape)} but w is ${formatShape(w.shape)}; x's columns must equal w's rows`,
        );
      }
      return [
        ['b', b, 1, w.cols],
        ['out', out, x.rows, w.cols],
      ];
    },
  },
  denseBackward: {
    tensors: { x: 0, w: 1, y: 2, dy: 3, delta: 5, gradW: 6, gradB: 7, dx: 8 },
    shapes: (x, w, y, dy, _activation, delta, gradW, gradB, dx) => {
      const [rows, inputs, units] = [x.rows, w.rows, w.cols];
      const rules: ShapeRule[] = [
        ['x', x, rows, inputs],
        ['y', y, rows, units],
        ['dy', dy, rows, units],
        ['delta', delta, rows, units],
        ['gradW', gradW, inputs, units],
        ['gradB', gradB, 1, units],
      ];
      if (dx !== undefined) rules.push(['dx', dx, rows, inputs]);
      return rules;
    },
  },
};

/** Rules that every tensor in `others` has param's shape (a gradient, an optimizer's state). */
function likeParam(param: Tensor, others: Record<string, Tensor>): ShapeRule[] {
  return Object.entries(others).map(([arg, t]) => [arg, t, param.rows, param.cols] as const);
}
