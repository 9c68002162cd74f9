import type { Activation, LossKind } from '../kernels.js';
import type { Parameter } from '../layers/layer.js';
import type { Tensor } from '../tensor.js';

/**
 * One training step of a network as data: what a backend needs to run the
 * step (or a whole epoch of them) in one call. Core builds a plan once per
 * session, checking every tensor's owner, liveness and shape; a backend's
 * runner then does arithmetic only. Kinds are discriminated unions, so a
 * layer, loss or optimizer a backend does not know makes it decline the plan
 * (compilePlan returns undefined) rather than run it wrong.
 */
export interface TrainingPlan<S = unknown> extends EpochSetup<S> {
  /** The layers, input first; layer i's units are layer i + 1's inputs. */
  readonly layers: readonly LayerPlan<S>[];
  /**
   * Every trainable tensor, layer by layer (weights, then bias). Each grad is
   * the runner's scratch: its content after a step is unspecified.
   */
  readonly parameters: readonly Parameter<S>[];
  readonly loss: LossKind;
  readonly optimizer: OptimizerPlan;
}

/** What an epoch works on, whichever way its steps run: the data, the order, the batches. */
export interface EpochSetup<S = unknown> {
  /** Rows per batch; the book's SGD is 1. */
  readonly batchSize: number;
  readonly samples: number;
  /**
   * Batches per epoch: ⌈samples / batchSize⌉ (the last one smaller when
   * batchSize does not divide samples), or ⌊samples / batchSize⌋ when
   * dropRemainder is set (the rest of the shuffled order is left out).
   */
  readonly batches: number;
  readonly dropRemainder: boolean;
  /** The whole data set, uploaded once: x is samples × inputs, t samples × outputs. */
  readonly data: { readonly x: Tensor<S>; readonly t: Tensor<S> };
  /** 1 × samples: this epoch's sample order (whole numbers), written by core before each epoch. */
  readonly order: Tensor<S>;
  /** 1 × 1: core zeroes it before each epoch; every batch adds its total loss (Loss.value). */
  readonly lossTotal: Tensor<S>;
}

/**
 * y = activation(x · weights + bias), the book's MiddleLayer and OutputLayer.
 * Further kinds (dropout with masks drawn in core) join this union.
 */
export interface DensePlan<S = unknown> {
  readonly kind: 'dense';
  readonly inputs: number;
  readonly units: number;
  readonly activation: Activation;
  readonly weights: Parameter<S>;
  readonly bias: Parameter<S>;
}

export type LayerPlan<S = unknown> = DensePlan<S>;

/**
 * The update rule and its hyper-parameters. Optimizers with state (momentum,
 * AdaGrad, RMSProp, Adam) join this union with their state as backend
 * tensors, one per entry of plan.parameters, owned by the optimizer.
 */
export type OptimizerPlan = SgdPlan;

/** The book's update: w −= eta · grad_w. */
export interface SgdPlan {
  readonly kind: 'sgd';
  readonly eta: number;
}

/** What a backend's compilePlan returns: runs steps of one plan. */
export interface PlanRunner {
  /**
   * Runs batches first … first + count − 1 of the current epoch, each one
   * full step: gather its rows of data by plan.order, forward, add its loss
   * to plan.lossTotal, backward, and update every parameter.
   */
  runBatches(first: number, count: number): void;
  /** Frees whatever the runner allocated (not the plan's tensors). */
  dispose(): void;
}

/** Rows of batch `index` of an epoch, by the plan's batch size and sample count. */
export function batchRows(setup: EpochSetup<unknown>, index: number): number {
  return Math.min(setup.batchSize, setup.samples - index * setup.batchSize);
}
