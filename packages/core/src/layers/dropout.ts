import type { Backend } from '../backend/backend.js';
import { NNError } from '../errors.js';
import type { Tensor } from '../tensor.js';
import type { DropoutDraft } from '../training/training-plan.js';
import { requireFraction, requireInteger } from '../validate.js';
import type { Layer, Parameter } from './layer.js';

interface RowBuffers<S> {
  /** Training: 1 where a unit is kept, 0 where dropped; filled by the trainer before forward. */
  mask: Tensor<S>;
  /** Evaluation: every element 1 − ratio. */
  keep: Tensor<S> | undefined;
  y: Tensor<S>;
  dx: Tensor<S>;
}

/**
 * The book's dropout: in training y = x · mask, the mask drawn in core
 * (keep a unit where rand > ratio), so every backend drops the same units;
 * in evaluation y = (1 − ratio) · x. Backward: dx = dy · mask.
 */
export class Dropout<S = unknown> implements Layer<S> {
  readonly inputs: number;
  readonly units: number;
  readonly ratio: number;
  readonly #backend: Backend<S>;
  readonly #buffers = new Map<number, RowBuffers<S>>();
  #last: RowBuffers<S> | undefined;

  constructor(backend: Backend<S>, options: { units: number; ratio: number }) {
    this.#backend = backend;
    this.units = requireInteger('dropout units', options.units);
    this.inputs = this.units;
    this.ratio = requireFraction('dropout ratio', options.ratio);
  }

  /** The training mask for a batch of `rows`: fill it (1 keep, 0 drop) before a training forward. */
  maskFor(rows: number): Tensor<S> {
    return this.#buffersFor(rows).mask;
  }

  forward(x: Tensor<S>, training = false): Tensor<S> {
    if (x.cols !== this.units) {
      throw new NNError(
        'NN_SHAPE_MISMATCH',
        `dropout forward: the input has ${x.cols} columns but the layer has ${this.units} units`,
      );
    }
    const buffers = this.#buffersFor(x.rows);
    const backend = this.#backend;
    if (training) {
      backend.binary('multiply', x, buffers.mask, buffers.y);
    } else {
      if (buffers.keep === undefined) {
        buffers.keep = backend.tensor(x.shape);
        backend.fill(buffers.keep, 1 - this.ratio);
      }
      backend.binary('multiply', buffers.keep, x, buffers.y);
    }
    this.#last = buffers;
    return buffers.y;
  }

  backward(dy: Tensor<S>, inputGradient = true): Tensor<S> | undefined {
    const buffers = this.#last;
    if (buffers === undefined) {
      throw new NNError('NN_INVALID_ARGUMENT', 'dropout backward: call forward before backward');
    }
    if (!inputGradient) return undefined;
    this.#backend.binary('multiply', dy, buffers.mask, buffers.dx);
    return buffers.dx;
  }

  parameters(): readonly Parameter<S>[] {
    return [];
  }

  plan(): DropoutDraft {
    return { kind: 'dropout', units: this.units, ratio: this.ratio };
  }

  dispose(): void {
    for (const b of this.#buffers.values()) {
      for (const t of [b.mask, b.keep, b.y, b.dx]) if (t !== undefined) this.#backend.dispose(t);
    }
    this.#buffers.clear();
    this.#last = undefined;
  }

  #buffersFor(rows: number): RowBuffers<S> {
    let buffers = this.#buffers.get(rows);
    if (buffers === undefined) {
      const shape = [rows, this.units] as const;
      const backend = this.#backend;
      buffers = {
        mask: backend.tensor(shape),
        keep: undefined,
        y: backend.tensor(shape),
        dx: backend.tensor(shape),
      };
      this.#buffers.set(rows, buffers);
    }
    return buffers;
  }
}
