import { CliError } from './cli-error.js';
import { shorten } from './quote.js';

/**
 * The largest network `nn train` builds. Ten million parameters are 80 MB
 * per float64 copy (weights, gradients, the arrays of a saved model) and
 * about 325 MB of saved JSON (32.5 bytes a parameter, measured): within Node's default heap (about 4 GiB on a
 * 24 GiB machine) and V8's longest string (512 Mi characters), which
 * JSON.stringify and nn predict's JSON.parse need the whole file in.
 */
export const MAX_PARAMETERS = 10_000_000;

/**
 * Activation values one batch may hold (inputs, every layer's output): about
 * 270 MB per float64 copy, of which training keeps a few. Batches of more
 * rows fail up front; predictions run in chunks of rows within it.
 */
export const MAX_BATCH_VALUES = 2 ** 25;

/** Weights and biases of dense layers of these widths, inputs first. */
export function parameterCount(widths: readonly number[]): number {
  let count = 0;
  for (let i = 1; i < widths.length; i++) {
    count += ((widths[i - 1] as number) + 1) * (widths[i] as number);
  }
  return count;
}

/** The widest equal hidden layers, `layers` of them between the inputs and outputs, that MAX_PARAMETERS allows. */
export function widestThatFits(layers: number, maxWidth: number, inputs = 1, outputs = 1): number {
  let low = 0;
  let high = maxWidth;
  while (low < high) {
    const width = Math.ceil((low + high) / 2);
    const fits = parameterCount([inputs, ...Array(layers).fill(width), outputs]) <= MAX_PARAMETERS;
    if (fits) low = width;
    else high = width - 1;
  }
  return low;
}

/** Values in one batch of `rows` through layers of these widths, inputs first. */
export function batchValues(rows: number, widths: readonly number[]): number {
  return rows * widths.reduce((sum, width) => sum + width, 0);
}

/** A batch's activations must fit too: the rows of one batch (at most the data's) times every layer's width. */
export function checkBatchSize(
  batchSize: number,
  samples: number,
  hidden: readonly number[],
  inputs = 1,
  outputs = 1,
): void {
  const widths = [inputs, ...hidden, outputs];
  const rows = Math.min(batchSize, samples);
  const values = batchValues(rows, widths);
  if (values <= MAX_BATCH_VALUES) return;
  const fits = Math.floor(MAX_BATCH_VALUES / batchValues(1, widths));
  throw new CliError(
    `batches of ${rows} rows (--batch-size ${batchSize}) through --hidden ${shorten(hidden.join(','))} hold ${formatCount(values)} values; at most ${formatCount(MAX_BATCH_VALUES)} fit in memory: use --batch-size ${fits} or less`,
  );
}

/** 654704641 → "654,704,641". */
export function formatCount(count: number): string {
  return count.toLocaleString('en-US');
}
