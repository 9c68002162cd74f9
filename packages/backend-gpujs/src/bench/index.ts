export { formatGridBench } from './format-grid-bench.js';
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
export { startXvfb, type XvfbServer } from './xvfb.js';
