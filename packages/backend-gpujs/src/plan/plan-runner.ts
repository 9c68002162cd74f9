import { batchRows, type PlanRunner, type TrainingPlan } from '@nn/core';
import type { GpujsDevice } from '../device.js';
import { ACTIVATION_CODES } from '../kernels/activate.js';
import { LOSS_SCALES } from '../kernels/loss-scales.js';
import type { GpujsStorage } from '../storage.js';
import { deltaSources } from './delta-sources.js';
import { buildStep, type Launch } from './step.js';

/**
 * A runner for plans of dense layers (any activation the kernels know), a
 * loss with a scale in LOSS_SCALES and SGD; undefined for any other plan.
 * Each batch size gets its step, built on first use: its kernels (cached by
 * the device for the backend's lifetime) and its buffers, kept until dispose.
 */
export function compileGpujsPlan(
  device: GpujsDevice,
  plan: TrainingPlan<GpujsStorage>,
  allocate: (size: number) => GpujsStorage,
): PlanRunner | undefined {
  if (!runsHere(plan)) return undefined;
  const sources = deltaSources(plan.layers, plan.batchSize);
  const steps = new Map<number, Launch[]>();
  const buffers: GpujsStorage[] = [];
  const allocateBuffer = (size: number): GpujsStorage => {
    const storage = allocate(size);
    buffers.push(storage);
    return storage;
  };
  return {
    runBatches(first, count) {
      for (let index = first; index < first + count; index++) {
        const rows = batchRows(plan, index);
        let step = steps.get(rows);
        if (step === undefined) {
          step = buildStep(device, plan, sources, rows, allocateBuffer);
          steps.set(rows, step);
        }
        const offset = index * plan.batchSize;
        for (const launch of step) launch(offset);
      }
    },
    dispose() {
      for (const storage of buffers) device.release(storage);
      buffers.length = 0;
      steps.clear();
    },
  };
}

/** Checked at run time too: a kind added to core's unions later makes this decline, not run it wrong. */
function runsHere(plan: TrainingPlan<GpujsStorage>): boolean {
  return (
    plan.optimizer.kind === 'sgd' &&
    Object.hasOwn(LOSS_SCALES, plan.loss) &&
    plan.layers.every(
      (layer) => layer.kind === 'dense' && Object.hasOwn(ACTIVATION_CODES, layer.activation),
    )
  );
}
