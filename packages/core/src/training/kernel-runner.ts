import type { Sequential } from '../layers/sequential.js';
import type { Loss } from '../losses/loss.js';
import type { Optimizer } from '../optimizers/optimizer.js';
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
  optimizer: Optimizer,
  setup: EpochSetup<S>,
): PlanRunner {
  const backend = network.backend;
  const parameters = network.parameters();
  const { data, order, lossTotal } = setup;
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
        const batch = batchFor(batchRows(setup, index));
        const offset = index * setup.batchSize;
        backend.gatherRows(data.x, order, offset, batch.x);
        backend.gatherRows(data.t, order, offset, batch.t);
        const y = network.forward(batch.x);
        loss.value(backend, y, batch.t, lossTotal, true);
        loss.gradient(backend, y, batch.t, batch.dy);
        network.backward(batch.dy);
        optimizer.step(backend, parameters);
      }
    },
    dispose() {
      for (const batch of batches.values()) {
        backend.dispose(batch.x);
        backend.dispose(batch.t);
        backend.dispose(batch.dy);
      }
      batches.clear();
    },
  };
}
