// A training plan's batches in one call: the descriptor src/plan/plan-layout.ts writes (i32 words, then
// one record per layer) is read here, and each batch runs the steps of core's kernel path in its order:
// gather, forward, loss, backward (delta in place on each layer's dy), then every update.
import {
  ADAGRAD,
  ADAM,
  CROSS_ENTROPY,
  DROPOUT,
  IDENTITY,
  MOMENTUM,
  RMSPROP,
  SGD,
  SOFTMAX,
  SUM_OF_SQUARES,
} from './codes';
import { denseBackward, denseForward } from './dense';
import {
  activate,
  activationBackward,
  activationForward,
  adagradUpdate,
  adamUpdate,
  derivative,
  gatherRows,
  lossGradient,
  lossValue,
  momentumUpdate,
  multiplyFrom,
  rmspropUpdate,
  sgdUpdate,
} from './element';
import { at, get64, put, set64 } from './memory';

// Header words.
const BATCH_SIZE = 0;
const SAMPLES = 1;
const LAYERS = 2;
const LOSS = 3;
const OPTIMIZER = 4;
const X = 5;
const T = 6;
const ORDER = 7;
const LOSS_TOTAL = 8;
const INPUTS = 9;
const OUTPUTS = 10;
const BATCH_X = 11;
const BATCH_T = 12;
/** Adam's updates so far; the runner counts its steps here. */
const STEPS = 13;
/** f64 hyper-parameters: eta, then alpha | rho | beta1, beta2. */
const HYPER = 14;
/** 1 when every layer is dense and the batch size 1: sampleStep runs the steps. */
const SAMPLE_PATH = 15;
/** Adam's bias corrections c1, c2 (f64 pairs) for each step of this call, computed by the caller. */
const CORRECTIONS = 16;
export const HEADER_WORDS = 20;

// Layer record words.
const KIND = 0;
const IN = 1;
const UNITS = 2;
const ACTIVATION = 3;
const W = 4;
const B = 5;
const GRAD_W = 6;
const GRAD_B = 7;
const Y = 8;
const DY = 9;
const MASK = 10;
/** Optimizer state of the weights and the bias, first and second slot (Adam's m and v). */
const STATE_W = 11;
const STATE_B = 12;
const STATE2_W = 13;
const STATE2_B = 14;
export const LAYER_WORDS = 16;

function word(base: usize, i: i32): i32 {
  return load<i32>(base + ((<usize>i) << 2));
}

function ptr(base: usize, i: i32): usize {
  return <usize>load<u32>(base + ((<usize>i) << 2));
}

function layer(plan: usize, i: i32): usize {
  return plan + <usize>((HEADER_WORDS + i * LAYER_WORDS) << 2);
}

export function runBatches<T>(plan: usize, first: i32, count: i32): void {
  if (word(plan, SAMPLE_PATH) !== 0) {
    for (let index = first; index < first + count; index++)
      sampleStep<T>(plan, index, index - first);
  } else {
    for (let index = first; index < first + count; index++) step<T>(plan, index, index - first);
  }
}

/**
 * One step at batch size 1 of a plan of dense layers, the book's SGD loop fused per layer. The sample's
 * rows are read where they lie (no gather); u = x · W + b sums each unit from p = 0 and then adds the
 * bias, as matMul and biasAdd do; grad_w = x_p · delta_j is the one-row sum xᵀ · delta; with SGD each
 * layer's update follows its backward at once (layer i − 1's backward needs only the input gradient,
 * computed from layer i's weights before their update). The results are step()'s, bit for bit.
 */
function sampleStep<T>(plan: usize, index: i32, nth: i32): void {
  const size = sizeof<T>();
  const top = word(plan, LAYERS) - 1;
  const loss = word(plan, LOSS);
  const sample = <usize>(<i32>get64<T>(ptr(plan, ORDER), index));
  const outputs = word(plan, OUTPUTS);
  const xRow = ptr(plan, X) + sample * <usize>word(plan, INPUTS) * size;
  const tRow = ptr(plan, T) + sample * <usize>outputs * size;
  let input = xRow;
  for (let i = 0; i <= top; i++) {
    const l = layer(plan, i);
    const inputs = word(l, IN);
    const units = word(l, UNITS);
    const w = ptr(l, W);
    const b = ptr(l, B);
    const y = ptr(l, Y);
    const activation = word(l, ACTIVATION);
    const rowWise = activation === SOFTMAX;
    for (let j = 0; j < units; j++) {
      let sum: T = <T>0;
      for (let p = 0; p < inputs; p++) sum += at<T>(input, p) * at<T>(w, p * units + j);
      const u: T = sum + at<T>(b, j);
      put<T>(y, j, rowWise ? u : <T>activate(activation, <f64>u));
    }
    if (rowWise) activationForward<T>(activation, y, y, 1, units);
    input = y;
  }
  const g = ptr(layer(plan, top), DY);
  if (loss === SUM_OF_SQUARES) {
    // lossValue's ½Σ(y − t)² added to the total, and lossGradient's y − t, in one pass.
    let squares: f64 = 0;
    for (let j = 0; j < outputs; j++) {
      const d = get64<T>(input, j) - get64<T>(tRow, j);
      squares += d * d;
      set64<T>(g, j, d);
    }
    const total = ptr(plan, LOSS_TOTAL);
    set64<T>(total, 0, get64<T>(total, 0) + 0.5 * squares);
  } else {
    lossValue<T>(loss, input, tRow, ptr(plan, LOSS_TOTAL), 1, outputs, true);
    lossGradient<T>(loss, input, tRow, g, 1, outputs);
  }
  const sgd = word(plan, OPTIMIZER) === SGD;
  const eta = load<f64>(ptr(plan, HYPER));
  for (let i = top; i >= 0; i--) {
    const l = layer(plan, i);
    const inputs = word(l, IN);
    const units = word(l, UNITS);
    const w = ptr(l, W);
    const delta = ptr(l, DY);
    // Cross-entropy's gradient is already the delta at the softmax's input.
    const activation = i === top && loss === CROSS_ENTROPY ? IDENTITY : word(l, ACTIVATION);
    const y = ptr(l, Y);
    if (activation === SOFTMAX) activationBackward<T>(activation, y, delta, delta, 1, units);
    else if (activation !== IDENTITY) {
      for (let j = 0; j < units; j++) {
        set64<T>(delta, j, derivative(activation, get64<T>(y, j), get64<T>(delta, j)));
      }
    }
    const x = i === 0 ? xRow : ptr(layer(plan, i - 1), Y);
    if (i > 0) {
      // grad_x = delta · Wᵀ, from the weights before this step's update.
      const below = ptr(layer(plan, i - 1), DY);
      for (let p = 0; p < inputs; p++) {
        let sum: T = <T>0;
        for (let j = 0; j < units; j++) sum += at<T>(delta, j) * at<T>(w, p * units + j);
        put<T>(below, p, sum);
      }
    }
    if (sgd) {
      // w −= eta · (x_p · delta_j), b −= eta · delta_j: sgdUpdate on the gradients, without storing them.
      for (let p = 0; p < inputs; p++) {
        const xp = at<T>(x, p);
        for (let j = 0; j < units; j++) {
          const grad = <f64>(xp * at<T>(delta, j));
          set64<T>(w, p * units + j, get64<T>(w, p * units + j) - eta * grad);
        }
      }
      const b = ptr(l, B);
      for (let j = 0; j < units; j++) set64<T>(b, j, get64<T>(b, j) - eta * get64<T>(delta, j));
    } else {
      const gradW = ptr(l, GRAD_W);
      for (let p = 0; p < inputs; p++) {
        const xp = at<T>(x, p);
        for (let j = 0; j < units; j++) put<T>(gradW, p * units + j, xp * at<T>(delta, j));
      }
      memory.copy(ptr(l, GRAD_B), delta, <usize>units * size);
    }
  }
  if (!sgd) update<T>(plan, top, nth);
}

function step<T>(plan: usize, index: i32, nth: i32): void {
  const batchSize = word(plan, BATCH_SIZE);
  const rows = min(batchSize, word(plan, SAMPLES) - index * batchSize);
  const offset = index * batchSize;
  const top = word(plan, LAYERS) - 1;
  const loss = word(plan, LOSS);
  const bx = ptr(plan, BATCH_X);
  const bt = ptr(plan, BATCH_T);
  gatherRows<T>(ptr(plan, X), ptr(plan, ORDER), offset, bx, rows, word(plan, INPUTS));
  gatherRows<T>(ptr(plan, T), ptr(plan, ORDER), offset, bt, rows, word(plan, OUTPUTS));
  let input = bx;
  for (let i = 0; i <= top; i++) {
    const l = layer(plan, i);
    const units = word(l, UNITS);
    const y = ptr(l, Y);
    if (word(l, KIND) === DROPOUT) {
      // The book's dropout: y = x · mask, the mask's rows from this batch's position in the epoch.
      multiplyFrom<T>(input, ptr(l, MASK), offset * units, y, rows * units);
    } else {
      denseForward<T>(
        input,
        ptr(l, W),
        ptr(l, B),
        word(l, ACTIVATION),
        y,
        rows,
        word(l, IN),
        units,
      );
    }
    input = y;
  }
  const outputs = word(plan, OUTPUTS);
  lossValue<T>(loss, input, bt, ptr(plan, LOSS_TOTAL), rows, outputs, true);
  lossGradient<T>(loss, input, bt, ptr(layer(plan, top), DY), rows, outputs);
  for (let i = top; i >= 0; i--) {
    const l = layer(plan, i);
    const units = word(l, UNITS);
    const g = ptr(l, DY);
    const below: usize = i === 0 ? 0 : ptr(layer(plan, i - 1), DY);
    if (word(l, KIND) === DROPOUT) {
      // dx = dy · mask; the first layer's would go nowhere.
      if (i > 0) multiplyFrom<T>(g, ptr(l, MASK), offset * units, below, rows * units);
      continue;
    }
    const inputs = word(l, IN);
    // Cross-entropy's gradient is already the delta at the softmax's input.
    const activation = i === top && loss === CROSS_ENTROPY ? IDENTITY : word(l, ACTIVATION);
    const x = i === 0 ? bx : ptr(layer(plan, i - 1), Y);
    // The delta overwrites dy in place; the first layer's input gradient would go nowhere.
    denseBackward<T>(
      x,
      ptr(l, W),
      ptr(l, Y),
      g,
      activation,
      g,
      ptr(l, GRAD_W),
      ptr(l, GRAD_B),
      below,
      i > 0,
      rows,
      inputs,
      units,
    );
  }
  // The book's order: every gradient from the weights before the step, then every update.
  update<T>(plan, top, nth);
}

/** Every parameter's update; `nth` is the step's place in this call, for Adam's corrections. */
function update<T>(plan: usize, top: i32, nth: i32): void {
  const kind = word(plan, OPTIMIZER);
  const hyper = ptr(plan, HYPER);
  const eta = load<f64>(hyper);
  const h1 = load<f64>(hyper, 8);
  const h2 = load<f64>(hyper, 16);
  let c1: f64 = 0;
  let c2: f64 = 0;
  if (kind === ADAM) {
    store<i32>(plan + ((<usize>STEPS) << 2), word(plan, STEPS) + 1);
    const corrections = ptr(plan, CORRECTIONS) + ((<usize>nth) << 4);
    c1 = load<f64>(corrections);
    c2 = load<f64>(corrections, 8);
  }
  for (let i = 0; i <= top; i++) {
    const l = layer(plan, i);
    if (word(l, KIND) === DROPOUT) continue;
    const units = word(l, UNITS);
    for (let part = 0; part < 2; part++) {
      const size = part === 0 ? word(l, IN) * units : units;
      const value = ptr(l, part === 0 ? W : B);
      const grad = ptr(l, part === 0 ? GRAD_W : GRAD_B);
      const state = ptr(l, part === 0 ? STATE_W : STATE_B);
      if (kind === SGD) sgdUpdate<T>(value, grad, eta, size);
      else if (kind === MOMENTUM) momentumUpdate<T>(value, grad, state, eta, h1, size);
      else if (kind === ADAGRAD) adagradUpdate<T>(value, grad, state, eta, size);
      else if (kind === RMSPROP) rmspropUpdate<T>(value, grad, state, eta, h1, size);
      else if (kind === ADAM) {
        const second = ptr(l, part === 0 ? STATE2_W : STATE2_B);
        adamUpdate<T>(value, grad, state, second, eta, h1, h2, c1, c2, size);
      }
    }
  }
}
