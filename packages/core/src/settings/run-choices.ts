import type { Activation } from '../kernels.js';

/**
 * What the CLI and the web app both offer and check, declared once. Browser-
 * safe: nothing here imports Node. The examples' own settings (the book's
 * defaults) are core's EXAMPLES.
 */

/** The hidden layers' activations the apps offer; an output layer's is its example's. */
export const HIDDEN_ACTIVATIONS = [
  'sigmoid',
  'tanh',
  'relu',
] as const satisfies readonly Activation[];
export type HiddenActivation = (typeof HIDDEN_ACTIVATIONS)[number];

/** 'numpy' draws NumPy's numbers (np.random.seed(S) in the book's scripts); 'default' core's own. */
export const RNG_KINDS = ['default', 'numpy'] as const;
export type RngKind = (typeof RNG_KINDS)[number];

/** Seeds are NumPy's: 0 to 2³² − 1. */
export const MAX_SEED = 4294967295;

/** Past this a GIF takes long to draw and is too big to share: one frame per reported epoch. */
export const MAX_GIF_FRAMES = 500;

/**
 * Points a chart draws at most: a 480-pixel-wide chart shows no more, and
 * drawing millions (Chart.js keeps an object per point) exhausts the heap.
 */
export const MAX_CHART_POINTS = 1000;

/** Frames of a run's GIF: one per reported epoch, 0, interval, 2·interval, …, and the last. */
export function gifFrames(epochs: number, interval: number): number {
  const onInterval = Math.floor((epochs - 1) / interval) + 1;
  return (epochs - 1) % interval === 0 ? onInterval : onInterval + 1;
}
