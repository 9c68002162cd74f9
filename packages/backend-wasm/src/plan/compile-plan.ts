import {
  ACTIVATIONS,
  adamCorrections,
  LOSSES,
  OPTIMIZERS,
  type OptimizerPlan,
  type PlanRunner,
  type Precision,
  type Tensor,
  type TrainingPlan,
} from '@nn/core';
import { ACTIVATION_CODES, LAYER_CODES, LOSS_CODES, OPTIMIZER_CODES } from '../codes.js';
import { precisionExports } from '../kernels.js';
import type { WasmRuntime } from '../runtime.js';
import type { WasmStorage } from '../storage.js';

// The descriptor assembly/plan.ts reads: header words, then LAYER_WORDS per layer (test/module-tables.test.ts
// checks that both sides agree).
export const HEADER_WORDS = 20;
export const LAYER_WORDS = 16;
export const H = {
  batchSize: 0,
  samples: 1,
  layers: 2,
  loss: 3,
  optimizer: 4,
  x: 5,
  t: 6,
  order: 7,
  lossTotal: 8,
  inputs: 9,
  outputs: 10,
  batchX: 11,
  batchT: 12,
  steps: 13,
  hyper: 14,
  samplePath: 15,
  corrections: 16,
} as const;
export const L = {
  kind: 0,
  in: 1,
  units: 2,
  activation: 3,
  w: 4,
  b: 5,
  gradW: 6,
  gradB: 7,
  y: 8,
  dy: 9,
  mask: 10,
  stateW: 11,
  stateB: 12,
  state2W: 13,
  state2B: 14,
} as const;

/**
 * A runner that does each call's batches inside the module (assembly/plan.ts),
 * for plans of dense and dropout layers with core's activations, losses and
 * optimizers; undefined for anything else, which core composes from kernels.
 */
export function compileWasmPlan(
  plan: TrainingPlan<WasmStorage>,
  runtime: WasmRuntime,
  precision: Precision,
): PlanRunner | undefined {
  if (!runsInModule(plan)) return undefined;
  const bytesPer = precision === 'float64' ? 8 : 4;
  const { allocator } = runtime;
  const blocks: number[] = [];
  const block = (bytes: number): number => {
    const ptr = allocator.allocate(bytes);
    blocks.push(ptr);
    return ptr;
  };
  const words = HEADER_WORDS + LAYER_WORDS * plan.layers.length;
  const descriptor = block(words * 4);
  const hyper = block(3 * 8);
  const first = plan.layers[0];
  const last = plan.layers[plan.layers.length - 1];
  const inputs = first?.kind === 'dense' ? first.inputs : (first?.units ?? 0);
  const outputs = last?.units ?? 0;
  const header: number[] = new Array(HEADER_WORDS).fill(0);
  header[H.batchSize] = plan.batchSize;
  header[H.samples] = plan.samples;
  header[H.layers] = plan.layers.length;
  header[H.loss] = LOSS_CODES[plan.loss];
  header[H.optimizer] = OPTIMIZER_CODES[plan.optimizer.kind];
  header[H.x] = plan.data.x.storage.ptr;
  header[H.t] = plan.data.t.storage.ptr;
  header[H.order] = plan.order.storage.ptr;
  header[H.lossTotal] = plan.lossTotal.storage.ptr;
  header[H.inputs] = inputs;
  header[H.outputs] = outputs;
  header[H.batchX] = block(plan.batchSize * inputs * bytesPer);
  header[H.batchT] = block(plan.batchSize * outputs * bytesPer);
  header[H.hyper] = hyper;
  // Batch size 1 on dense layers only: the module's fused per-sample step.
  header[H.samplePath] =
    plan.batchSize === 1 && plan.layers.every((l) => l.kind === 'dense') ? 1 : 0;
  const [slot1, slot2] = optimizerSlots(plan.optimizer);
  const records: number[] = [];
  let parameter = 0;
  for (const layer of plan.layers) {
    const record: number[] = new Array(LAYER_WORDS).fill(0);
    record[L.units] = layer.units;
    record[L.y] = block(plan.batchSize * layer.units * bytesPer);
    record[L.dy] = block(plan.batchSize * layer.units * bytesPer);
    if (layer.kind === 'dropout') {
      record[L.kind] = LAYER_CODES.dropout;
      record[L.in] = layer.units;
      record[L.mask] = layer.mask.storage.ptr;
    } else {
      record[L.kind] = LAYER_CODES.dense;
      record[L.in] = layer.inputs;
      record[L.activation] = ACTIVATION_CODES[layer.activation];
      record[L.w] = layer.weights.value.storage.ptr;
      record[L.b] = layer.bias.value.storage.ptr;
      record[L.gradW] = layer.weights.grad.storage.ptr;
      record[L.gradB] = layer.bias.grad.storage.ptr;
      record[L.stateW] = slot1[parameter]?.storage.ptr ?? 0;
      record[L.stateB] = slot1[parameter + 1]?.storage.ptr ?? 0;
      record[L.state2W] = slot2[parameter]?.storage.ptr ?? 0;
      record[L.state2B] = slot2[parameter + 1]?.storage.ptr ?? 0;
      parameter += 2;
    }
    records.push(...record);
  }
  runtime.u32.set([...header, ...records], descriptor / 4);
  runtime.f64.set(hyperParameters(plan.optimizer), hyper / 8);
  const run = precisionExports(runtime.exports, precision)('runBatches');
  const { optimizer } = plan;
  // Adam's corrections for a call's steps come from core's adamCorrections, so both paths use one pow.
  const corrections = optimizer.kind === 'adam' ? block(plan.batches * 16) : 0;
  runtime.u32[descriptor / 4 + H.corrections] = corrections;
  return {
    runBatches(firstBatch, count) {
      if (optimizer.kind === 'adam') {
        const steps = optimizer.steps.count;
        const values = new Float64Array(2 * count);
        for (let i = 0; i < count; i++)
          values.set(adamCorrections(optimizer, steps + i + 1), 2 * i);
        runtime.f64.set(values, corrections / 8);
        runtime.u32[descriptor / 4 + H.steps] = steps;
        run(descriptor, firstBatch, count);
        optimizer.steps.count = runtime.u32[descriptor / 4 + H.steps] as number;
      } else {
        run(descriptor, firstBatch, count);
      }
    },
    dispose() {
      for (const ptr of blocks) allocator.free(ptr);
      blocks.length = 0;
    },
  };
}

/** The optimizer's state tensors, per parameter: the first slot and Adam's second. */
function optimizerSlots(
  optimizer: OptimizerPlan<WasmStorage>,
): [readonly Tensor<WasmStorage>[], readonly Tensor<WasmStorage>[]] {
  switch (optimizer.kind) {
    case 'sgd':
      return [[], []];
    case 'momentum':
      return [optimizer.velocity, []];
    case 'adagrad':
    case 'rmsprop':
      return [optimizer.h, []];
    case 'adam':
      return [optimizer.m, optimizer.v];
  }
}

/** eta, then alpha | rho | beta1, beta2. */
function hyperParameters(optimizer: OptimizerPlan<WasmStorage>): number[] {
  switch (optimizer.kind) {
    case 'sgd':
    case 'adagrad':
      return [optimizer.eta, 0, 0];
    case 'momentum':
      return [optimizer.eta, optimizer.alpha, 0];
    case 'rmsprop':
      return [optimizer.eta, optimizer.rho, 0];
    case 'adam':
      return [optimizer.eta, optimizer.beta1, optimizer.beta2];
  }
}

/** Kinds are read as plain strings: a plan from a newer core may carry kinds this module does not know. */
function runsInModule(plan: TrainingPlan<WasmStorage>): boolean {
  const known = (list: readonly string[], value: string): boolean => list.includes(value);
  const layersKnown = plan.layers.every((layer) =>
    (layer.kind as string) === 'dense'
      ? known(ACTIVATIONS, (layer as { activation: string }).activation)
      : (layer.kind as string) === 'dropout',
  );
  const last = plan.layers[plan.layers.length - 1];
  // Cross-entropy's gradient is the delta at a softmax's input: core builds such plans only with a softmax last.
  const deltaAtSoftmax =
    plan.loss !== 'crossEntropy' || (last?.kind === 'dense' && last.activation === 'softmax');
  return (
    known(OPTIMIZERS, plan.optimizer.kind) &&
    known(LOSSES, plan.loss) &&
    layersKnown &&
    deltaAtSoftmax
  );
}
