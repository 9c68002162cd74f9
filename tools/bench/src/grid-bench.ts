import { createCpuBackend } from '@nn/backend-cpu';
import {
  type Backend,
  createRegressionNetwork,
  DefaultRng,
  optimizerStep,
  Sgd,
  sumOfSquares,
} from '@nn/core';

export const GRID_BACKENDS = [
  'cpu float64',
  'cpu float32',
  'gpujs headlessgl',
  'gpujs webasm',
] as const;
export type GridBackend = (typeof GRID_BACKENDS)[number];

export interface GridBenchOptions {
  /** Hidden widths of the 1-n-1 sigmoid network; default 3, 64, 256, 1024. */
  widths?: readonly number[];
  /** Batch sizes; default 1, 32, 256. */
  batches?: readonly number[];
  backends?: readonly GridBackend[];
  /** Seconds of timed steps per cell after warm-up, split in five windows; default 1 (quick: 0.25). */
  secondsPerCell?: number;
  /** A small grid for a first look: widths 3 and 256, batches 1 and 32, 0.25 s a cell. */
  quick?: boolean;
  /** Called after each cell, e.g. to print progress. */
  onCell?: (cell: GridCell) => void;
}

export interface GridCell {
  backend: GridBackend;
  width: number;
  batch: number;
  /** Steps of the fastest of five timed windows (after two warm-up steps, which compile). */
  steps: number;
  seconds: number;
  stepsPerSecond: number;
  /** 2·m·n·k per matrix product of the step, over the timed seconds. */
  gflops: number;
  /** steps/s over cpu float32's at the same width and batch. */
  ratioToCpuFloat32?: number;
  /** Why the cell did not run (the backend could not start). */
  error?: string;
}

export interface GridBenchResult {
  cells: GridCell[];
  secondsPerCell: number;
}

const WINDOWS = 5;

// gpu.js loads only when a gpujs cell runs: importing the bench stays light.
const gpujs = async (mode: 'headlessgl' | 'webasm'): Promise<Backend> =>
  (await import('@nn/backend-gpujs')).createGpujsBackend({ mode });

const FACTORIES: Record<GridBackend, () => Backend | Promise<Backend>> = {
  'cpu float64': () => createCpuBackend(),
  'cpu float32': () => createCpuBackend({ precision: 'float32' }),
  'gpujs headlessgl': () => gpujs('headlessgl'),
  'gpujs webasm': () => gpujs('webasm'),
};

/**
 * Matrix products of one step of 1-n-1 at batch b: forward x·W1 and h·W2,
 * backward h^T·delta2, delta2·W2^T and x^T·delta1 (no input gradient for the
 * first layer): five products of b·n·1, so 10·b·n flops.
 */
export function stepFlops(width: number, batch: number): number {
  return 5 * 2 * batch * width;
}

/**
 * Times training steps (gather, forward, loss value and gradient, backward,
 * SGD: fit's inner loop) for every width × batch × backend, all in one run.
 * No readback inside the timed steps; one at the end waits for the device.
 */
export async function runGridBench(options: GridBenchOptions = {}): Promise<GridBenchResult> {
  const quick = options.quick ?? false;
  const widths = options.widths ?? (quick ? [3, 256] : [3, 64, 256, 1024]);
  const batches = options.batches ?? (quick ? [1, 32] : [1, 32, 256]);
  const backends = options.backends ?? GRID_BACKENDS;
  const secondsPerCell = options.secondsPerCell ?? (quick ? 0.25 : 1);
  const cells: GridCell[] = [];
  for (const width of widths) {
    for (const batch of batches) {
      const row: GridCell[] = [];
      for (const backend of backends)
        row.push(await runCell(backend, width, batch, secondsPerCell));
      const baseline = row.find((c) => c.backend === 'cpu float32' && c.error === undefined);
      for (const cell of row) {
        if (baseline !== undefined && cell.error === undefined) {
          cell.ratioToCpuFloat32 = cell.stepsPerSecond / baseline.stepsPerSecond;
        }
        options.onCell?.(cell);
        cells.push(cell);
      }
    }
  }
  return { cells, secondsPerCell };
}

async function runCell(
  name: GridBackend,
  width: number,
  batch: number,
  seconds: number,
): Promise<GridCell> {
  const empty = { backend: name, width, batch, steps: 0, seconds: 0, stepsPerSecond: 0, gflops: 0 };
  let backend: Backend;
  try {
    backend = await FACTORIES[name]();
  } catch (error) {
    return { ...empty, error: (error as Error).message };
  }
  try {
    const rng = new DefaultRng(1);
    const network = createRegressionNetwork(backend, {
      hidden: [width],
      activation: 'sigmoid',
      rng,
      wbWidth: 0.01,
    });
    const xs = Float64Array.from({ length: batch }, (_, i) => (2 * i) / batch - 1);
    const x = backend.tensor([batch, 1], xs);
    const t = backend.tensor(
      [batch, 1],
      xs.map((v) => Math.sin(Math.PI * v)),
    );
    const order = backend.tensor(
      [1, batch],
      Float64Array.from({ length: batch }, (_, i) => i),
    );
    const bx = backend.tensor([batch, 1]);
    const bt = backend.tensor([batch, 1]);
    const dy = backend.tensor([batch, 1]);
    const loss = backend.tensor([1, 1]);
    const sgd = new Sgd({ eta: 0.01 }).plan();
    const parameters = network.parameters();
    const step = () => {
      backend.gatherRows(x, order, 0, bx);
      backend.gatherRows(t, order, 0, bt);
      const y = network.forward(bx);
      sumOfSquares.value(backend, y, bt, loss, true);
      sumOfSquares.gradient(backend, y, bt, dy);
      network.backward(dy);
      optimizerStep(backend, sgd, parameters);
    };
    step();
    step();
    await backend.read(loss);
    // Best of five windows: on a shared machine the fastest window is the one least disturbed.
    let best = { steps: 0, seconds: Number.POSITIVE_INFINITY };
    for (let window = 0; window < WINDOWS; window++) {
      let steps = 0;
      const start = performance.now();
      while (performance.now() - start < (seconds * 1000) / WINDOWS) {
        step();
        steps++;
      }
      await backend.read(loss);
      const elapsed = (performance.now() - start) / 1000;
      if (steps / elapsed > best.steps / best.seconds) best = { steps, seconds: elapsed };
    }
    for (const tensor of [x, t, order, bx, bt, dy, loss]) backend.dispose(tensor);
    network.dispose();
    const stepsPerSecond = best.steps / best.seconds;
    return {
      ...empty,
      steps: best.steps,
      seconds: best.seconds,
      stepsPerSecond,
      gflops: (stepFlops(width, batch) * stepsPerSecond) / 1e9,
    };
  } finally {
    backend.destroy();
  }
}
