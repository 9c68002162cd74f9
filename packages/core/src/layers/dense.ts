import type { Backend } from '../backend/backend.js';
import { NNError } from '../errors.js';
import { ACTIVATIONS, type Activation } from '../kernels.js';
import { fillNormal, type Rng } from '../rng/rng.js';
import type { Tensor } from '../tensor.js';
import type { DensePlan } from '../training/training-plan.js';
import { requireInteger, requireOneOf, requirePositive } from '../validate.js';
import type { Layer, Parameter } from './layer.js';

export type DenseOptions = {
  inputs: number;
  units: number;
  activation: Activation;
} & (
  | { weights: ArrayLike<number>; bias: ArrayLike<number> }
  /** wbWidth · N(0, 1) draws: the weights (row-major inputs × units), then the biases. */
  | { rng: Rng; wbWidth?: number }
);

interface BatchBuffers<S> {
  y: Tensor<S>;
  delta: Tensor<S>;
  dx: Tensor<S>;
}

/** y = activation(x · W + b), the book's MiddleLayer (sigmoid) and OutputLayer (identity). */
export class Dense<S = unknown> implements Layer<S> {
  readonly inputs: number;
  readonly units: number;
  readonly activation: Activation;
  readonly #backend: Backend<S>;
  readonly #params: readonly [Parameter<S>, Parameter<S>];
  /** Buffers per batch size, kept so that training allocates nothing after its first epoch. */
  readonly #buffers = new Map<number, BatchBuffers<S>>();
  #x: Tensor<S> | undefined;
  #current: BatchBuffers<S> | undefined;

  constructor(backend: Backend<S>, options: DenseOptions) {
    this.#backend = backend;
    this.inputs = requireInteger('dense inputs', options.inputs);
    this.units = requireInteger('dense units', options.units);
    this.activation = requireOneOf('activation', options.activation, ACTIVATIONS);
    const { weights, bias } = initialValues(options, this.inputs, this.units);
    this.#params = [
      {
        name: 'weights',
        value: backend.tensor([this.inputs, this.units], weights),
        grad: backend.tensor([this.inputs, this.units]),
      },
      {
        name: 'bias',
        value: backend.tensor([1, this.units], bias),
        grad: backend.tensor([1, this.units]),
      },
    ];
  }

  get weights(): Tensor<S> {
    return this.#params[0].value;
  }

  get bias(): Tensor<S> {
    return this.#params[1].value;
  }

  forward(x: Tensor<S>): Tensor<S> {
    if (x.cols !== this.inputs) {
      throw new NNError(
        'NN_SHAPE_MISMATCH',
        `dense forward: the input has ${x.cols} columns but the layer takes ${this.inputs}; pass rows × ${this.inputs}`,
      );
    }
    const buffers = this.#buffersFor(x.rows);
    this.#backend.denseForward(x, this.weights, this.bias, this.activation, buffers.y);
    this.#x = x;
    this.#current = buffers;
    return buffers.y;
  }

  backward(dy: Tensor<S>, inputGradient = true, dyIsDelta = false): Tensor<S> | undefined {
    const x = this.#x;
    const buffers = this.#current;
    if (x === undefined || buffers === undefined) {
      throw new NNError('NN_INVALID_ARGUMENT', 'dense backward: call forward before backward');
    }
    const weights = this.#params[0];
    const bias = this.#params[1];
    // The book: delta = dy · f'(u) (for the identity output, y − t itself),
    // grad_w = xᵀ · delta, grad_b = Σ delta, grad_x = delta · Wᵀ.
    this.#backend.denseBackward(
      x,
      weights.value,
      buffers.y,
      dy,
      dyIsDelta ? 'identity' : this.activation,
      buffers.delta,
      weights.grad,
      bias.grad,
      inputGradient ? buffers.dx : undefined,
    );
    return inputGradient ? buffers.dx : undefined;
  }

  parameters(): readonly Parameter<S>[] {
    return this.#params;
  }

  plan(): DensePlan<S> {
    const [weights, bias] = this.#params;
    const { inputs, units, activation } = this;
    return { kind: 'dense', inputs, units, activation, weights, bias };
  }

  dispose(): void {
    for (const p of this.#params) {
      this.#backend.dispose(p.value);
      this.#backend.dispose(p.grad);
    }
    for (const b of this.#buffers.values()) {
      this.#backend.dispose(b.y);
      this.#backend.dispose(b.delta);
      this.#backend.dispose(b.dx);
    }
    this.#buffers.clear();
    this.#x = undefined;
    this.#current = undefined;
  }

  #buffersFor(rows: number): BatchBuffers<S> {
    if (this.#current !== undefined && this.#current.y.rows === rows) return this.#current;
    let buffers = this.#buffers.get(rows);
    if (buffers === undefined) {
      buffers = {
        y: this.#backend.tensor([rows, this.units]),
        delta: this.#backend.tensor([rows, this.units]),
        dx: this.#backend.tensor([rows, this.inputs]),
      };
      this.#buffers.set(rows, buffers);
    }
    return buffers;
  }
}

function initialValues(
  options: DenseOptions,
  inputs: number,
  units: number,
): { weights: ArrayLike<number>; bias: ArrayLike<number> } {
  if ('rng' in options) {
    const width = requirePositive('wbWidth', options.wbWidth ?? 0.01, true);
    const weights = fillNormal(options.rng, new Float64Array(inputs * units), width);
    const bias = fillNormal(options.rng, new Float64Array(units), width);
    return { weights, bias };
  }
  return { weights: options.weights, bias: options.bias };
}
