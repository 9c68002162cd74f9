export { type BenchResult, formatBench, runBench } from './bench.js';
export { BRAIN_TARGET_MAPPING, brainTextbookRun, loadBrain } from './brain-run.js';
export { formatGridBench } from './format-grid-bench.js';
export { type GpujsBenchResult, runGpujsBench } from './gpujs-bench.js';
export {
  GRID_BACKENDS,
  type GridBackend,
  type GridBenchOptions,
  type GridBenchResult,
  type GridCell,
  runGridBench,
  stepFlops,
} from './grid-bench.js';
export { runGridBenchWithDisplay } from './grid-bench-with-display.js';
export { handWrittenTextbookRun } from './hand-written-loop.js';
export { type MlpBenchResult, type MlpRow, runMlpBench } from './mlp-bench.js';
export { HandWrittenMlp } from './mlp-hand-written.js';
export { createNnMlp } from './mlp-nn.js';
export { MLP, type MlpWorkload, mlpStepFlops, mlpWorkload } from './mlp-workload.js';
export { nnTextbookRun } from './nn-run.js';
export { referenceScriptPath, timeNumpyReference } from './numpy-run.js';
export { type ProcessBenchResult, type ProcessTiming, runProcessBench } from './process-bench.js';
export { formatVerdicts, TARGETS, type TargetId, type Verdict } from './targets.js';
export {
  type BenchOptions,
  type BenchRow,
  formatTextbookBench,
  runTextbookBench,
  type TextbookBenchResult,
} from './textbook-bench.js';
