import { batchRows, type PlanRunner, type TrainingPlan } from '@nn/core';
import type { GpujsDevice } from '../device.js';
import type { GpujsStorage } from '../storage.js';
import { deltaSources } from './delta-sources.js';
import { planStages } from './stages.js';
import { buildStep, type Launch } from './step.js';

/**
 * A runner for plans of dense layers (any activation the kernels know;
 * softmax as a cross-entropy output), dropout after hidden layers, any loss
 * in LOSS_FORMS and any optimizer in OPTIMIZER_RUNS; undefined for any other
 * plan. Each batch size gets its step, built on first use: its kernels
 * (cached by the device for the backend's lifetime) and its buffers, kept
 * until dispose.
 */
export function compileGpujsPlan(
  device: GpujsDevice,
  plan: TrainingPlan<GpujsStorage>,
  allocate: (size: number) => GpujsStorage,
): PlanRunner | undefined {
  const stages = planStages(plan);
  if (stages === undefined) return undefined;
  const sources = deltaSources(stages, plan.batchSize);
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
          step = buildStep(device, plan, stages, sources, rows, allocateBuffer);
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
