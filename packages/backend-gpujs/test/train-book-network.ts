import {
  createRegressionNetwork,
  type EpochReport,
  fit,
  NumpyRng,
  Sgd,
  TEXTBOOK,
  type TrainingPath,
  textbookData,
} from '@nn/core';
import type { GpujsBackend } from '../src/index.js';

/** Trains the book's 1-3-1 network (NumPy seed 1, eta 0.1) and disposes it; fit's hooks are passed on. */
export async function trainBookNetwork(
  backend: GpujsBackend,
  options: {
    epochs: number;
    interval: number;
    /** fit's default, 'plan', unless given. */
    path?: TrainingPath;
    onEpoch?: (epoch: number) => void;
    onInterval?: (report: EpochReport) => void;
  },
): Promise<EpochReport[]> {
  const rng = new NumpyRng(1);
  const network = createRegressionNetwork(backend, {
    hidden: TEXTBOOK.hidden,
    activation: TEXTBOOK.activation,
    rng,
    wbWidth: TEXTBOOK.wbWidth,
  });
  const { reports } = await fit(network, textbookData(), {
    ...options,
    optimizer: new Sgd({ eta: TEXTBOOK.eta }),
    rng,
  });
  network.dispose();
  return reports;
}
