import { formatGpujsLine, type GpujsBenchResult, runGpujsBench } from './gpujs-bench.js';
import { formatMlpTable, type MlpBenchResult, runMlpBench } from './mlp-bench.js';
import { formatProcessTable, type ProcessBenchResult, runProcessBench } from './process-bench.js';
import {
  formatVerdicts,
  mlpVerdicts,
  processVerdicts,
  textbookVerdicts,
  type Verdict,
  wasmVerdicts,
} from './targets.js';
import {
  type BenchOptions,
  formatTextbookTable,
  runTextbookBench,
  type TextbookBenchResult,
} from './textbook-bench.js';
import { formatWasmBench, runWasmBench, type WasmBenchResult } from './wasm-bench.js';

export interface BenchResult {
  /** A quick run is a smoke test: too few repetitions to be a measurement. */
  quick: boolean;
  textbook: TextbookBenchResult;
  mlp: MlpBenchResult;
  process: ProcessBenchResult;
  examples: ProcessBenchResult[];
  gpujs: GpujsBenchResult;
  wasm: WasmBenchResult;
  verdicts: Verdict[];
}

/**
 * Everything `pnpm bench` measures, in one run: the textbook run against the
 * hand-written loop, brain.js and NumPy; the MLP step's GFLOP/s against a
 * hand-written loop; the whole `nn train` process against the whole NumPy
 * process; gpu.js headless-gl steps per second; backend-wasm against TF.js's
 * wasm backend and the hand-written loop; and a verdict per target.
 */
export async function runBench(options: BenchOptions = {}): Promise<BenchResult> {
  const textbook = await runTextbookBench(options);
  const mlp = await runMlpBench(options);
  const process = runProcessBench(options);
  // The book's next chapters, whole process against their NumPy scripts.
  const examples = [runProcessBench(options, 'classification'), runProcessBench(options, 'iris')];
  const gpujs = await runGpujsBench(options);
  const wasm = await runWasmBench(options);
  const verdicts = [
    ...textbookVerdicts(textbook),
    ...mlpVerdicts(mlp),
    ...processVerdicts(process),
    ...wasmVerdicts(wasm),
  ];
  return { quick: options.quick ?? false, textbook, mlp, process, examples, gpujs, wasm, verdicts };
}

export function formatBench(result: BenchResult): string {
  const { machine } = result.textbook;
  return [
    `Node ${machine.node} on ${machine.cpu}${result.quick ? ' (quick: a smoke test, not a measurement)' : ''}`,
    '',
    formatTextbookTable(result.textbook),
    '',
    formatMlpTable(result.mlp),
    '',
    formatProcessTable(result.process),
    '',
    ...result.examples.flatMap((example) => [formatProcessTable(example), '']),
    formatGpujsLine(result.gpujs),
    '',
    formatWasmBench(result.wasm),
    '',
    'Targets:',
    formatVerdicts(result.verdicts),
  ].join('\n');
}
