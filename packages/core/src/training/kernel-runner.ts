import { Dropout } from '../layers/dropout.js';
import type { Sequential } from '../layers/sequential.js';
import type { Loss } from '../losses/loss.js';
import { type OptimizerPlan, optimizerStep } from '../optimizers/optimizer.js';
import type { Tensor } from '../tensor.js';
import { batchRows, type EpochSetup, type PlanRunner } from './training-plan.js';

interface BatchTensors<S> {
  x: Tensor<S>;
  t: Tensor<S>;
  dy: Tensor<S>;
}

/**
 * The reference path: every step composed from checked kernel calls through
 * the layer, loss and optimizer objects. It runs any network, on any backend,
 * and the conformance suite compares the backends' plan runners against it.
 */
export function kernelRunner<S>(
  network: Sequential<S>,
  loss: Loss,
  optimizer: OptimizerPlan<S>,
  setup: EpochSetup<S>,
): PlanRunner {
  const backend = network.backend;
  const parameters = network.parameters();
  const { data, order, lossTotal, masks } = setup;
  const dropouts = network.layers.filter((layer) => layer instanceof Dropout);
  const dyIsDelta = loss.outputActivation !== undefined;
  // Masks are stored in epoch order: row i for the i-th sample of the order, so an identity index slices them.
  const positions =
    dropouts.length === 0
      ? undefined
      : backend.tensor(
          [1, setup.samples],
          Float64Array.from({ length: setup.samples }, (_, i) => i),
        );
  // One set for full batches and, when the last batch is smaller, one for it.
  const batches = new Map<number, BatchTensors<S>>();
  const batchFor = (rows: number): BatchTensors<S> => {
    let batch = batches.get(rows);
    if (batch === undefined) {
      batch = {
        x: backend.tensor([rows, network.inputs]),
        t: backend.tensor([rows, network.outputs]),
        dy: backend.tensor([rows, network.outputs]),
      };
      batches.set(rows, batch);
    }
    return batch;
  };
  return {
    runBatches(first, count) {
      for (let index = first; index < first + count; index++) {
        const rows = batchRows(setup, index);
        const batch = batchFor(rows);
        const offset = index * setup.batchSize;
        backend.gatherRows(data.x, order, offset, batch.x);
        backend.gatherRows(data.t, order, offset, batch.t);
        for (const [i, dropout] of dropouts.entries()) {
          backend.gatherRows(
            masks[i] as Tensor<S>,
            positions as Tensor<S>,
            offset,
            dropout.maskFor(rows),
          );
        }
        const y = network.forward(batch.x, true);
        loss.value(backend, y, batch.t, lossTotal, true);
        loss.gradient(backend, y, batch.t, batch.dy);
        network.backward(batch.dy, dyIsDelta);
        optimizerStep(backend, optimizer, parameters);
      }
    },
    dispose() {
      for (const batch of batches.values()) {
        backend.dispose(batch.x);
        backend.dispose(batch.t);
        backend.dispose(batch.dy);
      }
      batches.clear();
      if (positions !== undefined) backend.dispose(positions);
    },
  };
}
