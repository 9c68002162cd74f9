import type { Activation, LossKind } from '../kernels.js';
import type { Parameter } from '../layers/layer.js';
import type { OptimizerPlan } from '../optimizers/optimizer.js';
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
  /** The update and its state (one tensor per parameter and slot, owned by the session). */
  readonly optimizer: OptimizerPlan<S>;
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
  /**
   * One per dropout layer, in layer order: samples × units, 1 keep / 0 drop;
   * row i masks the i-th sample of this epoch's order. Core draws them
   * before each epoch (batch by batch, layer by layer within a batch, as
   * the book's np.random.rand calls do) and writes them here.
   */
  readonly masks: readonly Tensor<S>[];
}

/** y = activation(x · weights + bias), the book's MiddleLayer and OutputLayer. */
export interface DensePlan<S = unknown> {
  readonly kind: 'dense';
  readonly inputs: number;
  readonly units: number;
  readonly activation: Activation;
  readonly weights: Parameter<S>;
  readonly bias: Parameter<S>;
}

/** The book's dropout: y = x · mask in training, where mask is this epoch's plan.masks entry. */
export interface DropoutPlan<S = unknown> extends DropoutDraft {
  readonly mask: Tensor<S>;
}

/** A dropout layer as it describes itself; the plan adds its epoch's mask. */
export interface DropoutDraft {
  readonly kind: 'dropout';
  readonly units: number;
  readonly ratio: number;
}

export type LayerPlan<S = unknown> = DensePlan<S> | DropoutPlan<S>;

/** What Layer.plan returns: the plan of a layer without the session's tensors. */
export type LayerDraft<S = unknown> = DensePlan<S> | DropoutDraft;

/** What a backend's compilePlan returns: runs steps of one plan. */
export interface PlanRunner {
  /**
   * Runs batches first … first + count − 1 of the current epoch, each one
   * full step: gather its rows of data by plan.order (and of each mask),
   * forward, add its loss to plan.lossTotal, backward, and update every
   * parameter (Adam: counting the step in plan.optimizer.steps).
   */
  runBatches(first: number, count: number): void;
  /** Frees whatever the runner allocated (not the plan's tensors). */
  dispose(): void;
}

/** Rows of batch `index` of an epoch, by the plan's batch size and sample count. */
export function batchRows(setup: EpochSetup<unknown>, index: number): number {
  return Math.min(setup.batchSize, setup.samples - index * setup.batchSize);
}
