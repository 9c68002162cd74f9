import { textbookData } from '@nn/core';
import type { NeuralNetwork } from 'brain.js';

type Brain = typeof import('brain.js');
type Sample = { input: number[]; output: number[] };

/** How the table names the target mapping: brain.js needs outputs in (0, 1) and has no identity output. */
export const BRAIN_TARGET_MAPPING = 't = sin(x) mapped to (t + 1) / 2';

/** Loaded on first use, so importing @nn/bench loads neither brain.js nor its gpu.js. */
export function loadBrain(): Promise<Brain> {
  return import('brain.js');
}

/**
 * The textbook run on brain.js 2.0.0-beta.24's NeuralNetwork, as close to the
 * book's as it allows: 1-n-1, sigmoid hidden and (its only choice) sigmoid
 * output, so targets are mapped into (0, 1); plain per-sample SGD with
 * learningRate = eta. Its validation rejects momentum 0 and errorThresh 0
 * (both must be in (0, 1)): momentum 1e-200 times a change (a float32, so
 * ≥ 1.4e-45 or 0) stays a normal double far below any update's rounding, so
 * each update is the plain SGD one bit for bit, with no subnormal slow path;
 * errorThresh Number.MIN_VALUE is never reached, so it runs every iteration.
 * It trains in the samples' given order (it has no shuffle) in Float32Arrays.
 * Returns the final iteration's error (its mean squared output error) and the
 * iterations it ran, checked to be all of them.
 */
export function brainTextbookRun(
  brain: Brain,
  hidden: number,
  eta: number,
  epochs: number,
): { error: number; iterations: number } {
  const { x, t, samples } = textbookData();
  const data: Sample[] = Array.from({ length: samples }, (_, i) => ({
    input: [x[i] as number],
    output: [((t[i] as number) + 1) / 2],
  }));
  const network: NeuralNetwork<number[], number[]> = new brain.NeuralNetwork({
    inputSize: 1,
    hiddenLayers: [hidden],
    outputSize: 1,
  });
  const status = network.train(data, {
    activation: 'sigmoid',
    iterations: epochs,
    learningRate: eta,
    momentum: 1e-200,
    errorThresh: Number.MIN_VALUE,
    log: false,
  });
  if (status.iterations !== epochs) {
    throw new Error(
      `brain.js stopped after ${status.iterations} of ${epochs} iterations (error ${status.error}); its options were not honoured`,
    );
  }
  return status;
}
