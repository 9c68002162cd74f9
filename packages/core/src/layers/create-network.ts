import type { Backend } from '../backend/backend.js';
import type { Activation } from '../kernels.js';
import type { Rng } from '../rng/rng.js';
import { requireFraction, requireInteger } from '../validate.js';
import { Dense } from './dense.js';
import { Dropout } from './dropout.js';
import type { Layer } from './layer.js';
import { Sequential } from './sequential.js';

export interface NetworkOptions {
  inputs: number;
  outputs: number;
  /** One entry per hidden layer: its width. */
  hidden: readonly number[];
  /** The hidden layers' activation. */
  activation: Activation;
  /** The output layer's: identity for regression, softmax for classification. */
  outputActivation: Activation;
  /** With a ratio > 0, the book's dropout after each hidden layer. */
  dropout?: number;
  rng: Rng;
  wbWidth: number;
}

/**
 * inputs → hidden layers → outputs, drawing each dense layer's weights then
 * biases from rng, first layer first: the book's order (dropout draws its
 * masks while training, not here).
 */
export function createNetwork<S>(backend: Backend<S>, options: NetworkOptions): Sequential<S> {
  const widths = [
    requireInteger('inputs', options.inputs),
    ...options.hidden.map((h) => requireInteger('hidden layer width', h)),
    requireInteger('outputs', options.outputs),
  ];
  const dropout = requireFraction('dropout', options.dropout ?? 0);
  const layers: Layer<S>[] = [];
  try {
    for (let i = 1; i < widths.length; i++) {
      const output = i === widths.length - 1;
      layers.push(
        new Dense(backend, {
          inputs: widths[i - 1] as number,
          units: widths[i] as number,
          activation: output ? options.outputActivation : options.activation,
          rng: options.rng,
          wbWidth: options.wbWidth,
        }),
      );
      if (!output && dropout > 0) {
        layers.push(new Dropout(backend, { units: widths[i] as number, ratio: dropout }));
      }
    }
    return new Sequential(backend, layers);
  } catch (error) {
    for (const layer of layers) layer.dispose();
    throw error;
  }
}
