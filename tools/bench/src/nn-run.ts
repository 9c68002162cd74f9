import { createCpuBackend } from '@nn/backend-cpu';
import type { Precision } from '@nn/core';
import { createRegressionNetwork, fit, NumpyRng, Sgd, TEXTBOOK, textbookData } from '@nn/core';

/** The textbook run through @nn: core's network and fit loop on backend-cpu. Returns the last error. */
export async function nnTextbookRun(
  precision: Precision,
  seed: number,
  hidden: number,
  eta: number,
  epochs: number,
): Promise<number> {
  const backend = createCpuBackend({ precision });
  const rng = new NumpyRng(seed);
  const network = createRegressionNetwork(backend, {
    hidden: [hidden],
    activation: TEXTBOOK.activation,
    rng,
    wbWidth: TEXTBOOK.wbWidth,
  });
  const { reports } = await fit(network, textbookData(), {
    epochs,
    interval: TEXTBOOK.interval,
    optimizer: new Sgd({ eta }),
    rng,
  });
  network.dispose();
  return reports[reports.length - 1]?.error ?? Number.NaN;
}
