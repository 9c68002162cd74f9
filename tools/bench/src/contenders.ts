import { handWrittenTextbookRun } from './hand-written-loop.js';
import { nnTextbookRun } from './nn-run.js';

export const HIDDEN = 3;
export const EPOCHS = 2001;
const SEED = 1;
const ETA = 0.1;

/** The runs the benchmark compares, by name; each is timed in a Node process of its own. */
export const CONTENDERS: Record<string, () => unknown> = {
  'hand-written Float64Array loop': () => handWrittenTextbookRun(SEED, HIDDEN, ETA, EPOCHS),
  '@nn backend-cpu float64': () => nnTextbookRun('float64', SEED, HIDDEN, ETA, EPOCHS),
  '@nn backend-cpu float32': () => nnTextbookRun('float32', SEED, HIDDEN, ETA, EPOCHS),
};
