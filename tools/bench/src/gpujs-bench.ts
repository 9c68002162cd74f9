import {
  createRegressionNetwork,
  isNNError,
  NumpyRng,
  Sgd,
  TEXTBOOK,
  type TrainingPath,
  TrainingSession,
  textbookData,
} from '@nn/core';
import { startXvfb, type XvfbServer } from '@nn/xvfb';
import type { BenchOptions } from './textbook-bench.js';

export type GpujsBenchResult =
  | {
      mode: 'headlessgl';
      /** Whether the backend ran whole steps ('plan') or composed them from kernels. */
      path: TrainingPath;
      epochs: number;
      steps: number;
      seconds: number;
      stepsPerSecond: number;
    }
  | { skipped: string };

/**
 * The textbook run's batch-1 steps per second on gpu.js's headless-gl mode:
 * one warm-up epoch (it compiles the kernels), then timed epochs through a
 * TrainingSession. Starts Xvfb when there is no DISPLAY (startXvfb's server
 * goes with this process however it ends); Mesa's llvmpipe runs on the
 * calling thread (LP_NUM_THREADS=0) unless set, as the grid bench does.
 */
export async function runGpujsBench(options: BenchOptions = {}): Promise<GpujsBenchResult> {
  const epochs = options.quick ? 3 : 21;
  process.env.LP_NUM_THREADS ??= '0';
  if (process.platform !== 'linux' || process.env.DISPLAY) return timeHeadlessgl(epochs);
  let xvfb: XvfbServer;
  try {
    xvfb = await startXvfb();
  } catch (error) {
    return { skipped: (error as Error).message };
  }
  process.env.DISPLAY = xvfb.display;
  try {
    return await timeHeadlessgl(epochs);
  } finally {
    await xvfb.stop();
    delete process.env.DISPLAY;
  }
}

async function timeHeadlessgl(epochs: number): Promise<GpujsBenchResult> {
  const { createGpujsBackend } = await import('@nn/backend-gpujs');
  let backend: ReturnType<typeof createGpujsBackend>;
  try {
    backend = createGpujsBackend({ mode: 'headlessgl' });
  } catch (error) {
    if (isNNError(error, 'NN_BACKEND_UNAVAILABLE')) return { skipped: error.message };
    throw error;
  }
  try {
    const rng = new NumpyRng(1);
    const network = createRegressionNetwork(backend, {
      hidden: TEXTBOOK.hidden,
      activation: TEXTBOOK.activation,
      rng,
      wbWidth: TEXTBOOK.wbWidth,
    });
    const data = textbookData();
    const session = new TrainingSession(network, data, {
      epochs: 1 + epochs,
      optimizer: new Sgd({ eta: TEXTBOOK.eta }),
      rng,
      interval: TEXTBOOK.interval,
    });
    await session.run(1);
    const start = performance.now();
    // The session's last epoch reads the loss back, so the timing waits for the device.
    await session.run(epochs);
    const seconds = (performance.now() - start) / 1000;
    session.dispose();
    network.dispose();
    const steps = epochs * data.samples;
    return {
      mode: 'headlessgl',
      path: session.path,
      epochs,
      steps,
      seconds,
      stepsPerSecond: steps / seconds,
    };
  } finally {
    backend.destroy();
  }
}

export function formatGpujsLine(result: GpujsBenchResult): string {
  const label = 'gpu.js headlessgl, textbook run at batch 1:';
  if ('skipped' in result) return `${label} skipped: ${result.skipped}`;
  return `${label} ${Math.round(result.stepsPerSecond).toLocaleString('en-US')} steps/s (${result.steps} steps of ${result.epochs} epochs after a warm-up epoch, ${result.path} path; llvmpipe in software here, so launch costs, not a GPU's speed)`;
}
