import { EXAMPLES, type ExampleName, type LossKind } from '@nn/core';
import type { ExampleData } from './network-views.js';
import type { Settings } from './settings.js';

/** What the page says about each example: its data, its main chart (for screen readers), its PNG's name. */
export const EXAMPLE_TEXT: Record<ExampleName, { lede: string; chart: string; png: string }> = {
  regression: {
    lede: 'The textbook regression: the network learns y = sin(x) from 63 points (the dashed curve); the + marks are its predictions.',
    chart: "Target curve (dashed) and the network's predictions (+)",
    png: 'nn-fit.png',
  },
  classification: {
    lede: 'Each point of a 21 × 21 grid over [-1, 1]² is class 1 above the dashed curve y = sin(πx) and class 2 below it. The marks are the classes the network predicts, and the shading its decision surface: blue where it says class 1, orange where class 2, white on its boundary.',
    chart:
      "The grid's points by predicted class over the dashed y = sin(πx), on the network's decision surface",
    png: 'nn-decision-surface.png',
  },
  iris: {
    lede: "Fisher's 150 irises: 4 measurements of each flower (standardised) and its species. The even rows train the network and the odd rows test it; the tables count each true species by the species the network predicts.",
    chart: 'Train and test error per reported epoch',
    png: 'nn-error-curves.png',
  },
};

const LOSS_NAMES: Record<LossKind, string> = {
  sumOfSquares: 'sum of squares',
  meanSquaredError: 'mean squared error',
  crossEntropy: 'cross-entropy',
};

/** The network and training the settings make, in one line: "2 → 6 sigmoid → 2 softmax · cross-entropy · …". */
export function networkLine(settings: Settings): string {
  const { example, hidden, activation, optimizer, eta, batchSize, dropout } = settings;
  const book = EXAMPLES[example].settings;
  const layers = [
    String(book.inputs),
    ...hidden.map((units) => `${units} ${activation}${dropout > 0 ? ` (dropout ${dropout})` : ''}`),
    `${book.outputs} ${book.outputActivation}`,
  ].join(' → ');
  const batches = `batches of ${batchSize}${book.dropRemainder ? ', remainder dropped' : ''}`;
  return `${layers} · ${LOSS_NAMES[book.loss.kind]} · ${optimizer}, eta ${eta} · ${batches}`;
}

/** What the run trains on: the regression's data by name, the book's grid, Iris's two sets. */
export function dataLine(example: ExampleName, data: ExampleData, regressionLabel: string): string {
  const { train, test } = data;
  const rows = (set: { t: Float64Array }) => set.t.length / EXAMPLES[example].settings.outputs;
  if (example === 'regression') return `${regressionLabel}, ${rows(train)} points`;
  return test === undefined
    ? `the book's grid, ${rows(train)} points`
    : `${rows(train)} flowers to train on, ${rows(test)} to test`;
}
