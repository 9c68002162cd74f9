import type { Tensor } from '../tensor.js';
import type { LayerDraft } from '../training/training-plan.js';

/** A trainable tensor and the gradient the last backward pass left for it. */
export interface Parameter<S = unknown> {
  readonly name: string;
  readonly value: Tensor<S>;
  readonly grad: Tensor<S>;
}

/**
 * A layer runs on one backend. forward and backward return tensors the layer
 * owns and reuses: read them before the next call, never dispose them.
 */
export interface Layer<S = unknown> {
  readonly inputs: number;
  readonly units: number;
  /** training false (evaluation, prediction) makes layers like dropout behave as at test time. */
  forward(x: Tensor<S>, training?: boolean): Tensor<S>;
  /**
   * Takes dL/dy of the last forward, fills every parameter's grad and returns
   * dL/dx; with inputGradient false (the first layer) dx is skipped. With
   * dyIsDelta, dy is already the gradient at the activation's input (the
   * book's output delta y − t under cross-entropy): the activation is skipped.
   */
  backward(dy: Tensor<S>, inputGradient?: boolean, dyIsDelta?: boolean): Tensor<S> | undefined;
  parameters(): readonly Parameter<S>[];
  /** The layer as data, for backends that run whole training plans; absent, training composes kernels. */
  plan?(): LayerDraft<S>;
  dispose(): void;
}
