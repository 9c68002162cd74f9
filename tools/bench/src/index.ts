export { handWrittenTextbookRun } from './hand-written-loop.js';
export { nnTextbookRun } from './nn-run.js';
export { referenceScriptPath, timeNumpyReference } from './numpy-run.js';
export {
  type BenchOptions,
  type BenchRow,
  formatTextbookBench,
  runTextbookBench,
  type TextbookBenchResult,
} from './textbook-bench.js';
