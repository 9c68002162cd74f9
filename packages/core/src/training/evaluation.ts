import type { Sequential } from '../layers/sequential.js';
import { type Loss, sumOfSquares } from '../losses/loss.js';
import type { Tensor } from '../tensor.js';
import { checkDataset, type Dataset } from './training-session.js';

export interface EvaluationResult {
  /** The loss over the whole set divided by its rows (the book's error, e.g. Error_test). */
  error: number;
  /** Rows whose largest output is at the same index as the target's largest (np.argmax: the first on ties). */
  correct: number;
  rows: number;
}

/**
 * Measures a network on a whole data set without training on it: one forward
 * pass in evaluation mode (dropout scales instead of dropping). The set is
 * uploaded once, so measuring every epoch costs one forward pass and a read.
 */
export class Evaluation<S = unknown> {
  readonly network: Sequential<S>;
  readonly loss: Loss;
  readonly rows: number;
  readonly #x: Tensor<S>;
  readonly #t: Tensor<S>;
  readonly #targets: Float64Array;
  readonly #total: Tensor<S>;

  constructor(network: Sequential<S>, data: Dataset, loss: Loss = sumOfSquares) {
    this.network = network;
    this.loss = loss;
    this.rows = checkDataset(data, network.inputs, network.outputs);
    this.#targets = Float64Array.from(data.t);
    const backend = network.backend;
    this.#x = backend.tensor([this.rows, network.inputs], data.x);
    this.#t = backend.tensor([this.rows, network.outputs], data.t);
    this.#total = backend.tensor([1, 1]);
  }

  async run(): Promise<EvaluationResult> {
    const backend = this.network.backend;
    const y = this.network.forward(this.#x, false);
    this.loss.value(backend, y, this.#t, this.#total, false);
    const outputs = await backend.read(y);
    const total = (await backend.read(this.#total))[0] as number;
    const cols = this.network.outputs;
    let correct = 0;
    for (let row = 0; row < this.rows; row++) {
      if (argmax(outputs, row, cols) === argmax(this.#targets, row, cols)) correct++;
    }
    return { error: total / this.rows, correct, rows: this.rows };
  }

  dispose(): void {
    const backend = this.network.backend;
    for (const t of [this.#x, this.#t, this.#total]) backend.dispose(t);
  }
}

/** The column of the row's largest value; the first of equal ones, as np.argmax. */
export function argmax(values: ArrayLike<number>, row: number, cols: number): number {
  let best = 0;
  for (let j = 1; j < cols; j++) {
    if ((values[row * cols + j] as number) > (values[row * cols + best] as number)) best = j;
  }
  return best;
}
