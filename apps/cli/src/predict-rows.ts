import type { Sequential } from '@nn/core';
import { batchValues, MAX_BATCH_VALUES } from './network-size.js';

/** The network's outputs for rows of x, run in chunks of rows so that no batch outgrows MAX_BATCH_VALUES. */
export async function predictRows<S>(
  network: Sequential<S>,
  x: Float64Array,
): Promise<Float64Array> {
  const { inputs, outputs } = network;
  const rows = x.length / inputs;
  const widths = [inputs, ...network.layers.map((layer) => layer.units)];
  const chunk = Math.max(1, Math.floor(MAX_BATCH_VALUES / batchValues(1, widths)));
  const y = new Float64Array(rows * outputs);
  for (let row = 0; row < rows; row += chunk) {
    const end = Math.min(rows, row + chunk);
    y.set(await network.predict(x.subarray(row * inputs, end * inputs)), row * outputs);
  }
  return y;
}
