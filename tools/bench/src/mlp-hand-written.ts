import { MLP, type MlpWorkload } from './mlp-workload.js';

type Floats = Float32Array | Float64Array;
type FloatsConstructor = Float32ArrayConstructor | Float64ArrayConstructor;

/**
 * The MLP workload's SGD step as plain loops on typed arrays: the three
 * products of each layer (minus the first layer's input gradient) in i-k-j
 * order, the way one writes a matrix product by hand, and the book's dense
 * math inlined. The yardstick for backend-cpu float32 (Float32Array); with
 * Float64Array it is the tests' reference. Each instance keeps its own copy
 * of the parameters and trains them one full-batch step per step() call.
 */
export class HandWrittenMlp {
  readonly w1: Floats;
  readonly b1: Floats;
  readonly w2: Floats;
  readonly b2: Floats;
  /** The last step's hidden outputs, their gradient and the deltas, for the tests' error bounds. */
  readonly h: Floats;
  readonly dh: Floats;
  readonly delta1: Floats;
  readonly delta2: Floats;
  readonly #x: Floats;
  readonly #t: Floats;
  readonly #y: Floats;
  readonly #gw1: Floats;
  readonly #gw2: Floats;

  constructor(workload: MlpWorkload, Type: FloatsConstructor = Float32Array) {
    const { inputs, hidden, outputs, batch } = MLP;
    this.#x = Type.from(workload.x);
    this.#t = Type.from(workload.t);
    this.w1 = Type.from(workload.w1);
    this.b1 = Type.from(workload.b1);
    this.w2 = Type.from(workload.w2);
    this.b2 = Type.from(workload.b2);
    this.h = new Type(batch * hidden);
    this.#y = new Type(batch * outputs);
    this.delta2 = new Type(batch * outputs);
    this.dh = new Type(batch * hidden);
    this.delta1 = new Type(batch * hidden);
    this.#gw1 = new Type(inputs * hidden);
    this.#gw2 = new Type(hidden * outputs);
  }

  /** One SGD step on the whole batch; returns the batch's loss, ½Σ(y − t)², taken before the update. */
  step(): number {
    const { inputs, hidden, outputs, batch, eta } = MLP;
    const x = this.#x;
    const h = this.h;
    const y = this.#y;
    const delta1 = this.delta1;
    const delta2 = this.delta2;
    // Forward: h = sigmoid(x · W1 + b1), y = h · W2 + b2.
    matMul(x, this.w1, h, batch, inputs, hidden);
    for (let i = 0; i < batch; i++) {
      for (let j = 0; j < hidden; j++) {
        const u = (h[i * hidden + j] as number) + (this.b1[j] as number);
        h[i * hidden + j] = 1 / (1 + Math.exp(-u));
      }
    }
    matMul(h, this.w2, y, batch, hidden, outputs);
    // The output layer's delta is y − t; the loss is ½Σ(y − t)².
    let loss = 0;
    for (let i = 0; i < batch; i++) {
      for (let j = 0; j < outputs; j++) {
        const d =
          (y[i * outputs + j] as number) +
          (this.b2[j] as number) -
          (this.#t[i * outputs + j] as number);
        delta2[i * outputs + j] = d;
        loss += 0.5 * d * d;
      }
    }
    // Backward: grad_W2 = hᵀ · δ2, grad_x2 = δ2 · W2ᵀ, δ1 = grad_x2 · h(1 − h), grad_W1 = xᵀ · δ1.
    matMulTransposedA(h, delta2, this.#gw2, hidden, batch, outputs);
    matMulTransposedB(delta2, this.w2, this.dh, batch, outputs, hidden);
    for (let i = 0; i < batch * hidden; i++) {
      const hi = h[i] as number;
      delta1[i] = (this.dh[i] as number) * (1 - hi) * hi;
    }
    matMulTransposedA(x, delta1, this.#gw1, inputs, batch, hidden);
    // SGD: w −= eta · grad_w, b −= eta · Σ_rows δ.
    update(this.w1, this.#gw1, eta);
    update(this.w2, this.#gw2, eta);
    updateBias(this.b1, delta1, batch, hidden, eta);
    updateBias(this.b2, delta2, batch, outputs, eta);
    return loss;
  }
}

/** c = a · b; a is m × k, b is k × n. */
function matMul(a: Floats, b: Floats, c: Floats, m: number, k: number, n: number): void {
  c.fill(0);
  for (let i = 0; i < m; i++) {
    for (let p = 0; p < k; p++) {
      const aip = a[i * k + p] as number;
      for (let j = 0; j < n; j++)
        c[i * n + j] = (c[i * n + j] as number) + aip * (b[p * n + j] as number);
    }
  }
}

/** c = aᵀ · b; a is k × m, b is k × n. */
function matMulTransposedA(a: Floats, b: Floats, c: Floats, m: number, k: number, n: number): void {
  c.fill(0);
  for (let i = 0; i < m; i++) {
    for (let p = 0; p < k; p++) {
      const api = a[p * m + i] as number;
      for (let j = 0; j < n; j++)
        c[i * n + j] = (c[i * n + j] as number) + api * (b[p * n + j] as number);
    }
  }
}

/** c = a · bᵀ; a is m × k, b is n × k (the inner loop strides through b by k). */
function matMulTransposedB(a: Floats, b: Floats, c: Floats, m: number, k: number, n: number): void {
  c.fill(0);
  for (let i = 0; i < m; i++) {
    for (let p = 0; p < k; p++) {
      const aip = a[i * k + p] as number;
      for (let j = 0; j < n; j++)
        c[i * n + j] = (c[i * n + j] as number) + aip * (b[j * k + p] as number);
    }
  }
}

function update(w: Floats, grad: Floats, eta: number): void {
  for (let i = 0; i < w.length; i++) w[i] = (w[i] as number) - eta * (grad[i] as number);
}

function updateBias(b: Floats, delta: Floats, rows: number, cols: number, eta: number): void {
  for (let j = 0; j < cols; j++) {
    let sum = 0;
    for (let i = 0; i < rows; i++) sum += delta[i * cols + j] as number;
    b[j] = (b[j] as number) - eta * sum;
  }
}
