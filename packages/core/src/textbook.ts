import type { Backend } from './backend/backend.js';
import type { Activation } from './kernels.js';
import { createNetwork } from './layers/create-network.js';
import type { Sequential } from './layers/sequential.js';
import type { Rng } from './rng/rng.js';
import type { Dataset } from './training/training-session.js';

/** The book's settings for the sin regression; n hidden, eta and epochs are the knobs. */
export const TEXTBOOK = {
  hidden: [3] as readonly number[],
  activation: 'sigmoid' as Activation,
  eta: 0.1,
  epochs: 2001,
  interval: 200,
  batchSize: 1,
  wbWidth: 0.01,
} as const;

/**
 * x = arange(0, 2π, 0.1), t = sin(x), then x rescaled to (x − π) / π, in [-1, 1).
 * arange's i-th value is i · 0.1, and its length ceil(2π / 0.1) = 63.
 */
export function textbookData(): Dataset & { samples: number } {
  const samples = Math.ceil((2 * Math.PI) / 0.1);
  const x = new Float64Array(samples);
  const t = new Float64Array(samples);
  for (let i = 0; i < samples; i++) {
    const raw = i * 0.1;
    t[i] = Math.sin(raw);
    x[i] = (raw - Math.PI) / Math.PI;
  }
  return { x, t, samples };
}

export interface RegressionNetworkOptions {
  inputs?: number;
  outputs?: number;
  /** One entry per hidden layer: its width. */
  hidden: readonly number[];
  activation: Activation;
  rng: Rng;
  wbWidth: number;
}

/** The book's regression network: inputs → hidden layers (activation) → outputs (identity). */
export function createRegressionNetwork<S>(
  backend: Backend<S>,
  options: RegressionNetworkOptions,
): Sequential<S> {
  return createNetwork(backend, {
    ...options,
    inputs: options.inputs ?? 1,
    outputs: options.outputs ?? 1,
    outputActivation: 'identity',
  });
}
