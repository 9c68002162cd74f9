import { NNError } from './errors.js';
import type { Sequential } from './layers/sequential.js';
import { type Loss, sumOfSquares } from './losses/loss.js';
import type { Optimizer } from './optimizers/optimizer.js';
import type { Rng } from './rng/rng.js';
import type { Tensor } from './tensor.js';
import { requireInteger } from './validate.js';

/** Training data, row-major: x is samples × inputs, t is samples × outputs. */
export interface Dataset {
  x: ArrayLike<number>;
  t: ArrayLike<number>;
}

export interface EpochReport {
  epoch: number;
  /** The book's error: the epoch's per-sample losses, each taken right after its forward pass, averaged. */
  error: number;
  /** True for the final epoch, which is reported even when it is off the interval. */
  last: boolean;
}

export interface FitOptions {
  epochs: number;
  optimizer: Optimizer;
  /** Draws each epoch's sample order. */
  rng: Rng;
  /** 1 (the book's) is plain SGD; the last batch of an epoch may be smaller. */
  batchSize?: number;
  loss?: Loss;
  /** Report every `interval` epochs (0, interval, 2·interval, …) and the last. */
  interval?: number;
  onInterval?: (report: EpochReport) => void | Promise<void>;
  /** Called after every epoch with its index; reads nothing back, so it costs nothing on a GPU. */
  onEpoch?: (epoch: number) => void;
  /**
   * Called after every batch; when it returns a promise, training waits for
   * it. A page training on its main thread yields to input here.
   */
  onBatch?: () => void | Promise<void>;
}

export interface FitResult {
  reports: EpochReport[];
}

interface BatchTensors<S> {
  x: Tensor<S>;
  t: Tensor<S>;
  dy: Tensor<S>;
}

/**
 * Trains `network` on `data`: every epoch a fresh shuffle of the samples
 * (np.random.shuffle(arange(n)) in the book), then forward, loss, backward
 * and an optimizer step per batch. The loss is summed on the device and read
 * at reported epochs; on backends that read synchronously it is also checked
 * every epoch, so a divergence is named at the epoch it happens.
 */
export async function fit<S>(
  network: Sequential<S>,
  data: Dataset,
  options: FitOptions,
): Promise<FitResult> {
  const epochs = requireInteger('epochs', options.epochs);
  const batchSize = requireInteger('batch size', options.batchSize ?? 1);
  const interval = requireInteger('interval', options.interval ?? 1);
  const loss = options.loss ?? sumOfSquares;
  const samples = checkDataset(data, network.inputs, network.outputs);
  const backend = network.backend;
  const parameters = network.parameters();

  const allocated: Tensor<S>[] = [];
  const track = (t: Tensor<S>): Tensor<S> => {
    allocated.push(t);
    return t;
  };
  const x = track(backend.tensor([samples, network.inputs], data.x));
  const t = track(backend.tensor([samples, network.outputs], data.t));
  const order = new Int32Array(samples);
  const orderTensor = track(backend.tensor([1, samples]));
  const lossTotal = track(backend.tensor([1, 1]));
  const batches = new Map<number, BatchTensors<S>>();
  let lastBatch: BatchTensors<S> | undefined;
  const batchFor = (rows: number): BatchTensors<S> => {
    if (lastBatch !== undefined && lastBatch.x.rows === rows) return lastBatch;
    let batch = batches.get(rows);
    if (batch === undefined) {
      batch = {
        x: track(backend.tensor([rows, network.inputs])),
        t: track(backend.tensor([rows, network.outputs])),
        dy: track(backend.tensor([rows, network.outputs])),
      };
      batches.set(rows, batch);
    }
    lastBatch = batch;
    return batch;
  };

  const reports: EpochReport[] = [];
  try {
    for (let epoch = 0; epoch < epochs; epoch++) {
      for (let i = 0; i < samples; i++) order[i] = i;
      options.rng.shuffle(order);
      backend.write(orderTensor, order);
      backend.fill(lossTotal, 0);
      for (let offset = 0; offset < samples; offset += batchSize) {
        const batch = batchFor(Math.min(batchSize, samples - offset));
        backend.gatherRows(x, orderTensor, offset, batch.x);
        backend.gatherRows(t, orderTensor, offset, batch.t);
        const y = network.forward(batch.x);
        loss.value(backend, y, batch.t, lossTotal, true);
        loss.gradient(backend, y, batch.t, batch.dy);
        network.backward(batch.dy);
        options.optimizer.step(backend, parameters);
        const pending = options.onBatch?.();
        if (pending !== undefined) await pending;
      }
      const last = epoch === epochs - 1;
      if (epoch % interval === 0 || last) {
        const error = ((await backend.read(lossTotal))[0] as number) / samples;
        checkFinite(error, epoch, backend.capabilities.syncRead);
        const report = { epoch, error, last };
        reports.push(report);
        await options.onInterval?.(report);
      } else if (backend.capabilities.syncRead) {
        checkFinite(backend.readSync(lossTotal)[0] as number, epoch, true);
      } else {
        // A backend that queues its kernels runs them here, so the queue never outgrows an epoch.
        await backend.flush();
      }
      options.onEpoch?.(epoch);
    }
  } finally {
    for (const tensor of allocated) backend.dispose(tensor);
  }
  return { reports };
}

/** everyEpochChecked: the loss was checked at every earlier epoch, so this one is the first bad one. */
function checkFinite(total: number, epoch: number, everyEpochChecked: boolean): void {
  if (Number.isFinite(total)) return;
  const where = everyEpochChecked ? 'at epoch' : 'at or before epoch';
  throw new NNError(
    'NN_DIVERGED',
    `training diverged: the loss became ${total} ${where} ${epoch}; lower the learning rate (eta), e.g. to a tenth, or scale the data`,
  );
}

function checkDataset(data: Dataset, inputs: number, outputs: number): number {
  const samples = data.x.length / inputs;
  if (data.x.length === 0 || !Number.isInteger(samples)) {
    throw new NNError(
      'NN_SHAPE_MISMATCH',
      `fit: x has ${data.x.length} values, which is not a whole number ≥ 1 of rows of ${inputs} inputs`,
    );
  }
  if (data.t.length !== samples * outputs) {
    throw new NNError(
      'NN_SHAPE_MISMATCH',
      `fit: x has ${samples} samples, so t needs ${samples * outputs} values (${outputs} per sample) but has ${data.t.length}`,
    );
  }
  for (const [name, values] of [
    ['x', data.x],
    ['t', data.t],
  ] as const) {
    for (let i = 0; i < values.length; i++) {
      if (!Number.isFinite(values[i])) {
        throw new NNError(
          'NN_INVALID_ARGUMENT',
          `fit: ${name}[${i}] is ${values[i]}; training data must be finite numbers`,
        );
      }
    }
  }
  return samples;
}
