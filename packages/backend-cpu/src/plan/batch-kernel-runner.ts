import { batchRows, type LayerPlan, Tensor, type TrainingPlan } from '@nn/core';
import { denseBackward } from '../kernels/dense-backward.js';
import { denseForward } from '../kernels/dense-forward.js';
import { gatherRows } from '../kernels/gather-rows.js';
import { lossGradient } from '../kernels/loss-gradient.js';
import { lossValue } from '../kernels/loss-value.js';
import type { CpuStorage, CpuTensor } from '../kernels/storage.js';
import type { Allocate, CpuPlanRunner } from './cpu-plan-runner.js';
import { optimizerStep } from './optimizer-step.js';
import { lossGivesDelta, planInputs, planOutputs } from './plan-shape.js';

/** A batch's scratch: its rows of x and t, and each layer's output y and gradient dy (delta in place). */
interface BatchViews {
  rows: number;
  x: CpuTensor;
  t: CpuTensor;
  y: CpuTensor[];
  dy: CpuTensor[];
}

/**
 * The plan's steps as this backend's kernels called straight on the plan's
 * storage, batch by batch: the kernel path without its per-call checks and
 * layer objects. Its products are blocked loops over whole batches, which
 * is where a big network's time goes. Scratch is allocated here, once; a
 * step allocates nothing.
 */
export function batchKernelRunner(
  plan: TrainingPlan<CpuStorage>,
  allocate: Allocate,
): CpuPlanRunner {
  const { layers, batchSize, data, order, lossTotal } = plan;
  const inputs = planInputs(plan);
  const outputs = planOutputs(plan);
  const x = allocate(batchSize * inputs);
  const t = allocate(batchSize * outputs);
  const y = layers.map((layer) => allocate(batchSize * layer.units));
  const dy = layers.map((layer) => allocate(batchSize * layer.units));
  // Kernels read a tensor's rows from its shape: views of the first `rows` rows, made here for both sizes.
  const owner = {};
  const view = (storage: CpuStorage, rows: number, cols: number): CpuTensor =>
    new Tensor(owner, [rows, cols], storage.subarray(0, rows * cols));
  const viewsOf = (rows: number): BatchViews => ({
    rows,
    x: view(x, rows, inputs),
    t: view(t, rows, outputs),
    y: layers.map((layer, i) => view(y[i] as CpuStorage, rows, layer.units)),
    dy: layers.map((layer, i) => view(dy[i] as CpuStorage, rows, layer.units)),
  });
  const full = viewsOf(batchSize);
  const lastRows = batchRows(plan, plan.batches - 1);
  const last = lastRows === batchSize ? full : viewsOf(lastRows);
  const top = layers.length - 1;
  // Cross-entropy's gradient is the softmax's delta: the last layer's activation backward is skipped.
  const topActivation = lossGivesDelta(plan) ? 'identity' : undefined;
  const { optimizer, parameters } = plan;

  const step = (index: number): void => {
    const v = batchRows(plan, index) === batchSize ? full : last;
    const offset = index * batchSize;
    gatherRows(data.x, order, offset, v.x);
    gatherRows(data.t, order, offset, v.t);
    let input = v.x;
    for (let i = 0; i <= top; i++) {
      const layer = layers[i] as LayerPlan<CpuStorage>;
      const out = v.y[i] as CpuTensor;
      if (layer.kind === 'dense') {
        denseForward(input, layer.weights.value, layer.bias.value, layer.activation, out);
      } else {
        // The book's dropout: y = x · mask, the mask's rows from this batch's position in the epoch.
        multiplyRows(input.storage, layer.mask.storage, offset * layer.units, out.storage);
      }
      input = out;
    }
    lossValue(plan.loss, input, v.t, lossTotal, true);
    lossGradient(plan.loss, input, v.t, v.dy[top] as CpuTensor);
    for (let i = top; i >= 0; i--) {
      const layer = layers[i] as LayerPlan<CpuStorage>;
      const g = v.dy[i] as CpuTensor;
      const below = i === 0 ? undefined : (v.dy[i - 1] as CpuTensor);
      if (layer.kind === 'dropout') {
        // dx = dy · mask; the first layer's would go nowhere.
        if (below !== undefined) {
          multiplyRows(g.storage, layer.mask.storage, offset * layer.units, below.storage);
        }
        continue;
      }
      denseBackward(
        i === 0 ? v.x : (v.y[i - 1] as CpuTensor),
        layer.weights.value,
        v.y[i] as CpuTensor,
        g,
        i === top ? (topActivation ?? layer.activation) : layer.activation,
        g,
        layer.weights.grad,
        layer.bias.grad,
        below,
      );
    }
    // The book's order: every gradient from the weights before the step, then every update.
    optimizerStep(optimizer, parameters);
  };

  return {
    code: 'batch-kernels',
    runBatches(first, count) {
      for (let index = first; index < first + count; index++) step(index);
    },
    // Its scratch is plain typed arrays, which the garbage collector frees.
    dispose() {},
  };
}

/** out = a · mask, element by element over a's length, the mask read from `start` (binary('multiply')). */
function multiplyRows(a: CpuStorage, mask: CpuStorage, start: number, out: CpuStorage): void {
  for (let i = 0; i < a.length; i++) out[i] = (a[i] as number) * (mask[start + i] as number);
}
