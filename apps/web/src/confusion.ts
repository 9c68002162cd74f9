import { argmax } from '@nn/core';

/**
 * How many rows of each true class the network put in each class: a
 * classes × classes matrix, row-major, [true · classes + predicted], by the
 * largest output and the largest target (np.argmax: the first on ties), as
 * core's Evaluation counts its accuracy. `outputs` may hold more rows than
 * `targets` after them (the rows of another set); only the first are read.
 */
export function confusionMatrix(
  outputs: ArrayLike<number>,
  targets: ArrayLike<number>,
  classes: number,
): Int32Array {
  const rows = targets.length / classes;
  if (!Number.isInteger(rows) || outputs.length < targets.length) {
    throw new RangeError(
      `confusion matrix: ${targets.length} targets and ${outputs.length} outputs are not rows of ${classes} classes`,
    );
  }
  const counts = new Int32Array(classes * classes);
  for (let row = 0; row < rows; row++) {
    const truth = argmax(targets, row, classes);
    const predicted = argmax(outputs, row, classes);
    counts[truth * classes + predicted] = (counts[truth * classes + predicted] as number) + 1;
  }
  return counts;
}

/** The share of rows on the diagonal, in percent, as the book prints accuracy; NaN for no rows. */
export function accuracyOf(confusion: Int32Array, classes: number): number {
  let correct = 0;
  let total = 0;
  for (let i = 0; i < confusion.length; i++) {
    const count = confusion[i] as number;
    total += count;
    if (Math.floor(i / classes) === i % classes) correct += count;
  }
  return (correct / total) * 100;
}
