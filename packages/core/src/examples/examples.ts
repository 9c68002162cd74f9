import type { Activation } from '../kernels.js';
import { crossEntropy, type Loss, sumOfSquares } from '../losses/loss.js';
import type { OptimizerKind } from '../optimizers/optimizer.js';
import { TEXTBOOK, textbookData } from '../textbook.js';
import { classificationData } from './classification.js';
import { irisData, type SplitData } from './iris.js';

/** An example's settings: the book's values, which flags and forms may change. */
export interface ExampleSettings {
  inputs: number;
  outputs: number;
  hidden: readonly number[];
  activation: Activation;
  outputActivation: Activation;
  loss: Loss;
  optimizer: OptimizerKind;
  eta: number;
  epochs: number;
  interval: number;
  batchSize: number;
  wbWidth: number;
  dropout: number;
  /** Leave out an epoch's last, smaller batch (the book's Iris loop does). */
  dropRemainder: boolean;
  /**
   * 'training': each report is the loss summed over the epoch's training
   * pass ÷ samples (the regression and §5.10). 'evaluation': the train and
   * test sets' errors measured at the start of each epoch (chapter 6).
   */
  report: 'training' | 'evaluation';
}

export interface Example {
  readonly title: string;
  readonly settings: ExampleSettings;
  /** The book's data; `test` only where the book holds some out. */
  data(): { train: SplitData['train']; test?: SplitData['test'] };
}

export const EXAMPLE_NAMES = ['regression', 'classification', 'iris'] as const;
export type ExampleName = (typeof EXAMPLE_NAMES)[number];

/** The book's three examples, declared once for the CLI, the web app and the tests. */
export const EXAMPLES: Readonly<Record<ExampleName, Example>> = {
  regression: {
    title: 'sin(x) regression (§5.9)',
    settings: {
      ...TEXTBOOK,
      inputs: 1,
      outputs: 1,
      outputActivation: 'identity',
      loss: sumOfSquares,
      optimizer: 'sgd',
      dropout: 0,
      dropRemainder: false,
      report: 'training',
    },
    data: () => ({ train: textbookData() }),
  },
  classification: {
    title: 'above or below sin(πx) (§5.10)',
    settings: {
      inputs: 2,
      outputs: 2,
      hidden: [6],
      activation: 'sigmoid',
      outputActivation: 'softmax',
      loss: crossEntropy,
      optimizer: 'sgd',
      eta: 0.1,
      epochs: 101,
      interval: 10,
      batchSize: 1,
      wbWidth: 0.01,
      dropout: 0,
      dropRemainder: false,
      report: 'training',
    },
    data: () => ({ train: classificationData() }),
  },
  iris: {
    title: 'Iris species (chapter 6)',
    settings: {
      inputs: 4,
      outputs: 3,
      hidden: [25, 25],
      activation: 'relu',
      outputActivation: 'softmax',
      loss: crossEntropy,
      optimizer: 'adagrad',
      eta: 0.01,
      epochs: 1000,
      interval: 100,
      batchSize: 8,
      wbWidth: 0.1,
      dropout: 0,
      dropRemainder: true,
      report: 'evaluation',
    },
    data: irisData,
  },
};
