import type { Precision, Sequential } from '@nn/core';
import { CliError } from './cli-error.js';
import { predictRows } from './predict-rows.js';

export interface DivergenceContext {
  /** The run's network as it was before any update (drawn again from its seed), at this initial scale. */
  initialNetwork(wbWidth: number): Sequential;
  x: ArrayLike<number>;
  t: ArrayLike<number>;
  wbWidth: number;
  /** The example's --wb-width. */
  defaultWbWidth: number;
  eta: number;
  precision: Precision;
}

/**
 * Names the cause of a run that diverged: the initial weights when the
 * untrained network's error already overflows and the default --wb-width
 * would not; the data's scale when it overflows either way; else the
 * learning rate, with `learningRateMessage`.
 */
export async function explainDivergence(
  context: DivergenceContext,
  learningRateMessage: string,
): Promise<CliError> {
  const { wbWidth, precision } = context;
  if (await startsFinite(context, wbWidth)) {
    return new CliError(`${learningRateMessage} (this run: --eta ${context.eta})`);
  }
  const { defaultWbWidth } = context;
  if (wbWidth !== defaultWbWidth && (await startsFinite(context, defaultWbWidth))) {
    return new CliError(
      `training diverged: the initial weights are too large: with --wb-width ${wbWidth} the untrained network's error already overflows ${precision}; lower --wb-width (the default is ${defaultWbWidth})`,
    );
  }
  return new CliError(
    `training diverged: the untrained network's error already overflows ${precision}: the data's values are too large; scale them (e.g. to [-1, 1])`,
  );
}

/** Whether the network before any update gives a finite error on the data (1/2 Σ (y − t)² serves as the probe for any loss). */
async function startsFinite(context: DivergenceContext, wbWidth: number): Promise<boolean> {
  const network = context.initialNetwork(wbWidth);
  try {
    const y = await predictRows(network, Float64Array.from(context.x));
    let error = 0;
    for (let i = 0; i < y.length; i++)
      error += 0.5 * ((y[i] as number) - (context.t[i] as number)) ** 2;
    return Number.isFinite(context.precision === 'float32' ? Math.fround(error) : error);
  } finally {
    network.dispose();
  }
}
