import { createCpuBackend } from '@nn/backend-cpu';
import {
  type Backend,
  DefaultRng,
  Dense,
  type Precision,
  Sequential,
  Sgd,
  sumOfSquares,
  TrainingSession,
} from '@nn/core';
import { MLP, type MlpWorkload } from './mlp-workload.js';

/**
 * The MLP workload through @nn's public API on backend-cpu: see mlpSession.
 */
export function createNnMlp(
  workload: MlpWorkload,
  epochs: number,
  precision: Precision = 'float32',
): TrainingSession {
  return mlpSession(createCpuBackend({ precision }), workload, epochs);
}

/**
 * The MLP workload through @nn's public API: two Dense layers from the
 * workload's parameters on `backend`, and a TrainingSession over exactly
 * one batch of 64 samples, so each epoch is one SGD step. The session is
 * `epochs` long; run(n) trains n steps.
 */
export function mlpSession(
  backend: Backend,
  workload: MlpWorkload,
  epochs: number,
): TrainingSession {
  const { inputs, hidden, outputs, batch, eta, seed } = MLP;
  const network = new Sequential(backend, [
    new Dense(backend, {
      inputs,
      units: hidden,
      activation: 'sigmoid',
      weights: workload.w1,
      bias: workload.b1,
    }),
    new Dense(backend, {
      inputs: hidden,
      units: outputs,
      activation: 'identity',
      weights: workload.w2,
      bias: workload.b2,
    }),
  ]);
  return new TrainingSession(
    network,
    { x: workload.x, t: workload.t },
    {
      epochs,
      batchSize: batch,
      optimizer: new Sgd({ eta }),
      loss: sumOfSquares,
      rng: new DefaultRng(seed),
      interval: epochs,
    },
  );
}
