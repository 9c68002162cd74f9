import {
  type Activation,
  type DensePlan,
  type LossKind,
  NNError,
  type Precision,
  type TrainingPlan,
} from '@nn/core';
import type { CpuStorage } from '../kernels/storage.js';
import type { CpuPlanRunner } from './cpu-plan-runner.js';

/**
 * Networks up to this many parameters get code of their own: every sum
 * written out with the shapes as constants and the activations in locals.
 * The engine's optimising compiler takes superlinear time on such code
 * (hundreds of milliseconds past ~100 parameters, seconds past ~300), while
 * loops lose their overhead as layers widen: past this size the loops win.
 */
export const GENERATED_PARAMETER_LIMIT = 64;

/**
 * The book's formulas as code, one fixed string per activation, in the
 * kernels' order of operations; the plan's kind picks an entry and is never
 * written into the code itself.
 */
const ACTIVATION_CODE: Record<
  Activation,
  { forward: (u: string) => string; backward: (dy: string, y: string) => string }
> = {
  sigmoid: {
    forward: (u) => `1 / (1 + Math.exp(-${u}))`,
    backward: (dy, y) => `${dy} * (1 - ${y}) * ${y}`,
  },
  identity: { forward: (u) => u, backward: (dy) => dy },
  tanh: { forward: (u) => `Math.tanh(${u})`, backward: (dy, y) => `${dy} * (1 - ${y} * ${y})` },
  relu: { forward: (u) => `Math.max(0, ${u})`, backward: (dy, y) => `${y} > 0 ? ${dy} : 0` },
};

type RunBatches = (first: number, count: number) => void;
type Factory = (...storage: (CpuStorage | number)[]) => RunBatches;

/**
 * Compiled factories by source, the most recent few. Every session on the
 * same shapes gets its runBatches from one factory, so the engine keeps one
 * set of type feedback and one optimised compilation for all of them; a new
 * factory per session would be compiled afresh each time.
 */
const factories = new Map<string, Factory>();
const FACTORIES_KEPT = 16;

function factoryFor(source: string, layers: number): Factory {
  let factory = factories.get(source);
  if (factory === undefined) {
    const names = ['X', 'T', 'ORDER', 'LOSS', 'ETA'];
    for (let l = 0; l < layers; l++) names.push(`W${l}`, `B${l}`);
    factory = new Function(...names, source) as Factory;
    if (factories.size >= FACTORIES_KEPT) factories.delete(factories.keys().next().value as string);
  }
  // Most recently used last, so the oldest unused one goes first.
  factories.delete(source);
  factories.set(source, factory);
  return factory;
}

/**
 * A runner whose steps are JavaScript written for this plan and compiled
 * with `new Function` (callers check first that the environment allows it).
 */
export function generatedRunner(
  plan: TrainingPlan<CpuStorage>,
  precision: Precision,
): CpuPlanRunner {
  const factory = factoryFor(planSource(plan, precision), plan.layers.length);
  const runBatches = factory(
    plan.data.x.storage,
    plan.data.t.storage,
    plan.order.storage,
    plan.lossTotal.storage,
    plan.optimizer.eta,
    ...plan.layers.flatMap((layer) => [layer.weights.value.storage, layer.bias.value.storage]),
  );
  return {
    code: 'generated',
    runBatches,
    // Generated code holds no scratch: its intermediates are locals.
    dispose() {},
  };
}

/** A whole number for the code, checked: only numbers and this file's fixed strings make up the source. */
function int(value: number): string {
  if (!Number.isSafeInteger(value)) {
    throw new NNError(
      'NN_INVALID_ARGUMENT',
      `cpu plan code: a shape of ${String(value)} is not a whole number; build plans with TrainingSession, which checks them`,
    );
  }
  return String(value);
}

/** base + offset as code, without the + 0. */
function plus(base: string, offset: number): string {
  return offset === 0 ? base : `${base} + ${int(offset)}`;
}

/**
 * The body of a factory that takes the plan's storage (X, T, ORDER, LOSS),
 * eta and each layer's W and B, and returns runBatches.
 *
 * Security: the source is built from numbers (shapes, indices, and the
 * constant 2 / outputs), each checked as it is written in, and the fixed
 * strings of this file; nothing a user typed, not even an activation's
 * name, reaches it, so running it runs this file's templates and no more.
 */
export function planSource(plan: TrainingPlan<CpuStorage>, precision: Precision): string {
  const layers = plan.layers as readonly DensePlan<CpuStorage>[];
  const batch = plan.batchSize;
  const samples = plan.samples;
  const single = batch === 1;
  const lines: string[] = [
    `'use strict';`,
    // Which precision it was made for: float32 and float64 sessions get code (and type feedback) of their own.
    `// @nn/backend-cpu plan, ${precision === 'float32' ? 'float32' : 'float64'}`,
    'return function runBatches(first, count) {',
    'for (let index = first; index < first + count; index++) {',
    // The kernels' lossValue: the batch's samples add to the total read here, stored after the batch.
    'let total = LOSS[0];',
  ];
  // ORDER holds whole numbers; as int32 they index the data without a conversion.
  if (single) {
    lines.push('const o = ORDER[index] | 0;', ...sampleCode(layers, plan.loss, single));
  } else {
    lines.push(`const offset = index * ${int(batch)};`);
    lines.push(
      plan.dropRemainder || samples % batch === 0
        ? `const rows = ${int(batch)};`
        : `const rows = Math.min(${int(batch)}, ${int(samples)} - offset);`,
    );
    // grad_w sums from 0, as matMul does; grad_b from -0, which adds like columnSum's first row itself.
    for (const [l, layer] of layers.entries()) {
      for (let i = 0; i < layer.inputs; i++) {
        for (let j = 0; j < layer.units; j++) lines.push(`let gw${l}_${i}_${j} = 0;`);
      }
      for (let j = 0; j < layer.units; j++) lines.push(`let gb${l}_${j} = -0;`);
    }
    lines.push(
      'for (let r = 0; r < rows; r++) {',
      'const o = ORDER[offset + r] | 0;',
      ...sampleCode(layers, plan.loss, single),
      '}',
    );
  }
  lines.push('LOSS[0] = total;');
  // Every gradient came from the weights before this step; now the book's w −= eta · grad_w.
  for (const [l, layer] of layers.entries()) {
    for (let i = 0; i < layer.inputs; i++) {
      for (let j = 0; j < layer.units; j++) {
        const w = `W${l}[${int(i * layer.units + j)}]`;
        // One sample's grad_w is 0 + x·delta: matMul's sum from 0 over a single row.
        const grad = single ? `(0 + ${input(l, i)} * dl${l}_${j})` : `gw${l}_${i}_${j}`;
        lines.push(`${w} = ${w} - ETA * ${grad};`);
      }
    }
    for (let j = 0; j < layer.units; j++) {
      const grad = single ? `dl${l}_${j}` : `gb${l}_${j}`;
      lines.push(`B${l}[${j}] = B${l}[${j}] - ETA * ${grad};`);
    }
  }
  lines.push('}', '};');
  return lines.join('\n');
}

/** Layer l's input i: the sample's x, or layer l − 1's output. */
function input(l: number, i: number): string {
  return l === 0 ? `x${i}` : `y${l - 1}_${i}`;
}

/**
 * Sample o (a row of X and T) through the network and back, in the kernels'
 * order of operations: every sum from 0 with its terms in ascending order,
 * the bias added last. Unless `single`, its gradients add into the batch's sums.
 */
function sampleCode(
  layers: readonly DensePlan<CpuStorage>[],
  loss: LossKind,
  single: boolean,
): string[] {
  const lines: string[] = [];
  const first = layers[0] as DensePlan<CpuStorage>;
  const top = layers.length - 1;
  const outputs = (layers[top] as DensePlan<CpuStorage>).units;
  const xRow = first.inputs === 1 ? 'o' : `o * ${int(first.inputs)}`;
  for (let p = 0; p < first.inputs; p++) lines.push(`const x${p} = X[${plus(xRow, p)}];`);
  // Forward: y = f(x · W + b).
  for (const [l, layer] of layers.entries()) {
    const code = ACTIVATION_CODE[layer.activation];
    for (let j = 0; j < layer.units; j++) {
      const terms = ['0'];
      for (let p = 0; p < layer.inputs; p++) {
        terms.push(`${input(l, p)} * W${l}[${int(p * layer.units + j)}]`);
      }
      terms.push(`B${l}[${j}]`);
      lines.push(`const u${l}_${j} = ${terms.join(' + ')};`);
      lines.push(`const y${l}_${j} = ${code.forward(`u${l}_${j}`)};`);
    }
  }
  // Loss: the sample's value adds to the total (lossValue), dL/dy starts the backward pass (lossGradient).
  const tRow = outputs === 1 ? 'o' : `o * ${int(outputs)}`;
  const squares = ['0'];
  for (let j = 0; j < outputs; j++) {
    lines.push(`const e${j} = y${top}_${j} - T[${plus(tRow, j)}];`);
    squares.push(`e${j} * e${j}`);
  }
  lines.push(`const squares = ${squares.join(' + ')};`);
  if (loss === 'sumOfSquares') {
    // ½Σ(y − t)²; its gradient is y − t, the book's output delta.
    lines.push('total = total + 0.5 * squares;');
    for (let j = 0; j < outputs; j++) lines.push(`const dy${top}_${j} = e${j};`);
  } else {
    // Σ(y − t)² / outputs; its gradient is (2 / outputs)(y − t), the scale computed as lossGradient does.
    const scale = 2 / outputs;
    lines.push(`total = total + squares / ${int(outputs)};`);
    for (let j = 0; j < outputs; j++) lines.push(`const dy${top}_${j} = ${String(scale)} * e${j};`);
  }
  // Backward: delta = dy · f'(u), grad_x = delta · Wᵀ, grad_w = xᵀ · delta, grad_b = Σ delta.
  for (let l = top; l >= 0; l--) {
    const layer = layers[l] as DensePlan<CpuStorage>;
    const code = ACTIVATION_CODE[layer.activation];
    for (let j = 0; j < layer.units; j++) {
      lines.push(`const dl${l}_${j} = ${code.backward(`dy${l}_${j}`, `y${l}_${j}`)};`);
    }
    if (l > 0) {
      for (let i = 0; i < layer.inputs; i++) {
        const terms = ['0'];
        for (let j = 0; j < layer.units; j++) {
          terms.push(`dl${l}_${j} * W${l}[${int(i * layer.units + j)}]`);
        }
        lines.push(`const dy${l - 1}_${i} = ${terms.join(' + ')};`);
      }
    }
    if (!single) {
      for (let i = 0; i < layer.inputs; i++) {
        for (let j = 0; j < layer.units; j++) {
          lines.push(`gw${l}_${i}_${j} = gw${l}_${i}_${j} + ${input(l, i)} * dl${l}_${j};`);
        }
      }
      for (let j = 0; j < layer.units; j++) lines.push(`gb${l}_${j} = gb${l}_${j} + dl${l}_${j};`);
    }
  }
  return lines;
}
