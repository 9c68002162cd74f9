import type { Backend } from '../backend/backend.js';
import { NNError } from '../errors.js';
import type { Tensor } from '../tensor.js';
import type { Layer, Parameter } from './layer.js';

/** Layers run in order; the output of one is the input of the next. */
export class Sequential<S = unknown> {
  readonly backend: Backend<S>;
  readonly layers: readonly Layer<S>[];
  readonly #parameters: readonly Parameter<S>[];

  constructor(backend: Backend<S>, layers: readonly Layer<S>[]) {
    if (layers.length === 0) {
      throw new NNError('NN_INVALID_ARGUMENT', 'sequential: pass at least one layer');
    }
    for (let i = 1; i < layers.length; i++) {
      const before = layers[i - 1] as Layer<S>;
      const layer = layers[i] as Layer<S>;
      if (layer.inputs !== before.units) {
        throw new NNError(
          'NN_SHAPE_MISMATCH',
          `sequential: layer ${i} takes ${layer.inputs} inputs but layer ${i - 1} gives ${before.units}; make them equal`,
        );
      }
    }
    this.backend = backend;
    this.layers = layers;
    this.#parameters = layers.flatMap((layer) => layer.parameters());
  }

  get inputs(): number {
    return (this.layers[0] as Layer<S>).inputs;
  }

  get outputs(): number {
    return (this.layers[this.layers.length - 1] as Layer<S>).units;
  }

  /** The output tensor is owned by the last layer and reused by the next forward. */
  forward(x: Tensor<S>, training = false): Tensor<S> {
    let y = x;
    for (let i = 0; i < this.layers.length; i++) {
      y = (this.layers[i] as Layer<S>).forward(y, training);
    }
    return y;
  }

  /**
   * Backpropagates dL/dy of the last forward, filling every parameter's
   * grad; with dyIsDelta it is the gradient at the last activation's input.
   */
  backward(dy: Tensor<S>, dyIsDelta = false): void {
    let g = dy;
    const last = this.layers.length - 1;
    for (let i = last; i > 0; i--) {
      g = (this.layers[i] as Layer<S>).backward(g, true, dyIsDelta && i === last) as Tensor<S>;
    }
    (this.layers[0] as Layer<S>).backward(g, false, dyIsDelta && last === 0);
  }

  parameters(): readonly Parameter<S>[] {
    return this.#parameters;
  }

  /** Runs rows of x (row-major, rows × inputs) through the network and reads the result back. */
  async predict(x: ArrayLike<number>): Promise<Float64Array> {
    if (x.length === 0 || x.length % this.inputs !== 0) {
      throw new NNError(
        'NN_SHAPE_MISMATCH',
        `predict: ${x.length} values do not make whole rows of ${this.inputs} inputs`,
      );
    }
    const input = this.backend.tensor([x.length / this.inputs, this.inputs], x);
    try {
      return Float64Array.from(await this.backend.read(this.forward(input, false)));
    } finally {
      this.backend.dispose(input);
    }
  }

  dispose(): void {
    for (const layer of this.layers) layer.dispose();
  }
}
