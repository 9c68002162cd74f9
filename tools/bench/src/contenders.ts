import { brainTextbookRun, loadBrain } from './brain-run.js';
import { handWrittenTextbookRun } from './hand-written-loop.js';
import { HandWrittenMlp } from './mlp-hand-written.js';
import { createNnMlp } from './mlp-nn.js';
import { mlpWorkload } from './mlp-workload.js';
import { nnTextbookRun } from './nn-run.js';

export const HIDDEN = 3;
export const EPOCHS = 2001;
const SEED = 1;
export const ETA = 0.1;

/** One timed MLP run is this many SGD steps (about half a second at 1 GFLOP/s). */
export const MLP_STEPS_PER_RUN = 8;

/** A contender's timed run; whatever it returns is kept, so the work can't be optimised away. */
export type TimedRun = () => unknown;

export const WORKLOADS = ['textbook', 'mlp'] as const;
export type Workload = (typeof WORKLOADS)[number];

export function isWorkload(value: string): value is Workload {
  return (WORKLOADS as readonly string[]).includes(value);
}

export const TEXTBOOK_HAND = 'hand-written Float64Array loop';
export const TEXTBOOK_NN = '@nn backend-cpu float64';
export const TEXTBOOK_NN_FLOAT32 = '@nn backend-cpu float32';
export const TEXTBOOK_BRAIN = 'brain.js 2.0.0-beta.24 NeuralNetwork';
export const MLP_HAND = 'hand-written i-k-j Float32Array loop';
export const MLP_NN = '@nn backend-cpu float32';

/**
 * The runs the benchmark compares, by workload and name: each is prepared
 * (modules loaded, data made) and then timed in a Node process of its own.
 * A textbook run is the whole run (2001 epochs), set-up included; an MLP run
 * is MLP_STEPS_PER_RUN steps of a network and session made once.
 */
export const CONTENDERS: Record<Workload, Record<string, () => Promise<TimedRun>>> = {
  textbook: {
    [TEXTBOOK_HAND]: async () => () => handWrittenTextbookRun(SEED, HIDDEN, ETA, EPOCHS),
    [TEXTBOOK_NN]: async () => () => nnTextbookRun('float64', SEED, HIDDEN, ETA, EPOCHS),
    [TEXTBOOK_NN_FLOAT32]: async () => () => nnTextbookRun('float32', SEED, HIDDEN, ETA, EPOCHS),
    [TEXTBOOK_BRAIN]: async () => {
      const brain = await loadBrain();
      return () => brainTextbookRun(brain, HIDDEN, ETA, EPOCHS);
    },
  },
  mlp: {
    [MLP_HAND]: async () => {
      const mlp = new HandWrittenMlp(mlpWorkload());
      return () => {
        let loss = 0;
        for (let s = 0; s < MLP_STEPS_PER_RUN; s++) loss = mlp.step();
        return loss;
      };
    },
    [MLP_NN]: async () => {
      // Long enough for any number of timed runs; the session reports only its first epoch.
      const session = createNnMlp(mlpWorkload(), Number.MAX_SAFE_INTEGER);
      return () => session.run(MLP_STEPS_PER_RUN);
    },
  },
};
