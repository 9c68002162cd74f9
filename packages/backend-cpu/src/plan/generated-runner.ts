import {
  type Activation,
  CROSS_ENTROPY_EPSILON,
  type LayerPlan,
  NNError,
  type Precision,
  type TrainingPlan,
} from '@nn/core';
import type { CpuStorage } from '../kernels/storage.js';
import type { CpuPlanRunner } from './cpu-plan-runner.js';
import { optimizerStep } from './optimizer-step.js';
import { denseLayers, lossGivesDelta, planInputs, planOutputs } from './plan-shape.js';

/**
 * Networks up to this many parameters get code of their own: every sum
 * written out with the shapes as constants and the activations in locals.
 * The engine's optimising compiler takes superlinear time on such code
 * (hundreds of milliseconds past ~100 parameters, seconds past ~300), while
 * loops lose their overhead as layers widen: past this size the loops win.
 */
export const GENERATED_PARAMETER_LIMIT = 64;

/**
 * The book's element-wise formulas as code, one fixed string per
 * activation, in the kernels' order of operations (softmax, a row's, is
 * written by forwardCode and backwardCode); the plan's kind picks an entry
 * and is never written into the code itself.
 */
const ACTIVATION_CODE: Record<
  Exclude<Activation, 'softmax'>,
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
type Factory = (bound: readonly unknown[]) => RunBatches;

/**
 * Compiled factories by source, the most recent few. Every session on the
 * same shapes gets its runBatches from one factory, so the engine keeps one
 * set of type feedback and one optimised compilation for all of them; a new
 * factory per session would be compiled afresh each time.
 */
const factories = new Map<string, Factory>();
const FACTORIES_KEPT = 16;

function factoryFor(source: string): Factory {
  let factory = factories.get(source);
  if (factory === undefined) {
    factory = new Function('bound', source) as Factory;
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
  const bindings = planBindings(plan);
  const factory = factoryFor(planSource(plan, precision, bindings));
  const runBatches = factory(bindings.map(([, value]) => value));
  return {
    code: 'generated',
    runBatches,
    // Generated code holds no scratch: its intermediates are locals.
    dispose() {},
  };
}

/**
 * What the code reads, by the name it reads it under: the plan's storage
 * (data, order, loss total, each dense layer's W and B, each dropout's mask
 * M) and SGD's eta, or for the other optimizers each dense layer's
 * gradients GW and GB and the update to call with them. The names depend on the plan's shape
 * and optimizer kind only.
 */
export function planBindings(plan: TrainingPlan<CpuStorage>): [string, unknown][] {
  const bound: [string, unknown][] = [
    ['X', plan.data.x.storage],
    ['T', plan.data.t.storage],
    ['ORDER', plan.order.storage],
    ['LOSS', plan.lossTotal.storage],
  ];
  const optimizer = plan.optimizer;
  const sgd = optimizer.kind === 'sgd';
  for (const [l, layer] of plan.layers.entries()) {
    if (layer.kind === 'dropout') {
      bound.push([`M${l}`, layer.mask.storage]);
      continue;
    }
    bound.push([`W${l}`, layer.weights.value.storage], [`B${l}`, layer.bias.value.storage]);
    if (!sgd)
      bound.push([`GW${l}`, layer.weights.grad.storage], [`GB${l}`, layer.bias.grad.storage]);
  }
  // Stateful optimizers: the code writes each gradient, then calls the one update function for every plan.
  if (sgd) bound.push(['ETA', optimizer.eta]);
  else
    bound.push(['STEP', optimizerStep], ['OPTIMIZER', optimizer], ['PARAMETERS', plan.parameters]);
  return bound;
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

/** Row r of a matrix with `cols` columns as code, where r is the variable `row`. */
function rowStart(row: string, cols: number): string {
  return cols === 1 ? row : `${row} * ${int(cols)}`;
}

/**
 * The body of a factory that takes the plan's bindings (planBindings) as
 * one array and returns runBatches.
 *
 * Security: the source is built from numbers (shapes, indices, and the
 * constants 2 / outputs and 1e-7), each checked or fixed as it is written
 * in, the binding names (fixed letters and indices) and the fixed strings
 * of this file; nothing a user typed, not even an activation's name,
 * reaches it, so running it runs this file's templates and no more.
 */
export function planSource(
  plan: TrainingPlan<CpuStorage>,
  precision: Precision,
  bindings: readonly [string, unknown][] = planBindings(plan),
): string {
  const batch = plan.batchSize;
  const samples = plan.samples;
  const single = batch === 1;
  const masked = plan.layers.some((layer) => layer.kind === 'dropout');
  const lines: string[] = [
    `'use strict';`,
    // Which precision it was made for: float32 and float64 sessions get code (and type feedback) of their own.
    `// @nn/backend-cpu plan, ${precision === 'float32' ? 'float32' : 'float64'}`,
    `const [${bindings.map(([name]) => name).join(', ')}] = bound;`,
    'return function runBatches(first, count) {',
    'for (let index = first; index < first + count; index++) {',
    // The kernels' lossValue: the batch's samples add to the total read here, stored after the batch.
    'let total = LOSS[0];',
  ];
  // ORDER holds whole numbers; as int32 they index the data without a conversion.
  // A mask's rows follow the epoch's order: sample `index` of the epoch reads mask row `index`.
  if (single) {
    lines.push('const o = ORDER[index] | 0;');
    if (masked) lines.push('const m = index;');
    lines.push(...sampleCode(plan, single));
  } else {
    lines.push(`const offset = index * ${int(batch)};`);
    lines.push(
      plan.dropRemainder || samples % batch === 0
        ? `const rows = ${int(batch)};`
        : `const rows = Math.min(${int(batch)}, ${int(samples)} - offset);`,
    );
    // grad_w sums from 0, as matMul does; grad_b from -0, which adds like columnSum's first row itself.
    for (const { layer, index: l } of denseLayers(plan)) {
      for (let i = 0; i < layer.inputs; i++) {
        for (let j = 0; j < layer.units; j++) lines.push(`let gw${l}_${i}_${j} = 0;`);
      }
      for (let j = 0; j < layer.units; j++) lines.push(`let gb${l}_${j} = -0;`);
    }
    lines.push('for (let r = 0; r < rows; r++) {', 'const o = ORDER[offset + r] | 0;');
    if (masked) lines.push('const m = offset + r;');
    lines.push(...sampleCode(plan, single), '}');
  }
  lines.push('LOSS[0] = total;', ...updateCode(plan, single), '}', '};');
  return lines.join('\n');
}

/**
 * Every gradient came from the weights before this step; now the update.
 * SGD's is written out, the book's w −= eta · grad_w beside each gradient
 * (one sample's grad_w is 0 + x·delta: matMul's sum from 0 over a single
 * row). Other optimizers get the gradients in the plan's grads and update
 * them with their kernels: written out per element, Adam's updates made
 * the engine's optimising compile take six times as long (over 300 ms for
 * §5.10's 32 parameters) and ran slower than the kernels' loops.
 */
function updateCode(plan: TrainingPlan<CpuStorage>, single: boolean): string[] {
  const lines: string[] = [];
  const sgd = plan.optimizer.kind === 'sgd';
  for (const { layer, index: l } of denseLayers(plan)) {
    for (let i = 0; i < layer.inputs; i++) {
      for (let j = 0; j < layer.units; j++) {
        const k = int(i * layer.units + j);
        const grad = single ? `(0 + ${input(l, i)} * dl${l}_${j})` : `gw${l}_${i}_${j}`;
        lines.push(sgd ? `W${l}[${k}] = W${l}[${k}] - ETA * ${grad};` : `GW${l}[${k}] = ${grad};`);
      }
    }
    for (let j = 0; j < layer.units; j++) {
      const grad = single ? `dl${l}_${j}` : `gb${l}_${j}`;
      lines.push(sgd ? `B${l}[${j}] = B${l}[${j}] - ETA * ${grad};` : `GB${l}[${j}] = ${grad};`);
    }
  }
  if (!sgd) lines.push('STEP(OPTIMIZER, PARAMETERS);');
  return lines;
}

/** Layer l's input i: the sample's x, or layer l − 1's output. */
function input(l: number, i: number): string {
  return l === 0 ? `x${i}` : `y${l - 1}_${i}`;
}

/** A sum from 0 with its terms in order, as the kernels add them. */
function sum(terms: readonly string[]): string {
  return ['0', ...terms].join(' + ');
}

/**
 * Sample o (a row of X and T; mask row m) through the network and back, in
 * the kernels' order of operations: every sum from 0 with its terms in
 * ascending order, the bias added last. Unless `single`, its gradients add
 * into the batch's sums.
 */
function sampleCode(plan: TrainingPlan<CpuStorage>, single: boolean): string[] {
  const layers = plan.layers;
  const lines: string[] = [];
  const inputs = planInputs(plan);
  const top = layers.length - 1;
  const outputs = planOutputs(plan);
  const xRow = rowStart('o', inputs);
  for (let p = 0; p < inputs; p++) lines.push(`const x${p} = X[${plus(xRow, p)}];`);
  for (const [l, layer] of layers.entries()) lines.push(...forwardCode(l, layer));
  // Loss: the sample's value adds to the total (lossValue), dL/dy starts the backward pass (lossGradient).
  const tRow = rowStart('o', outputs);
  const target = (j: number) => `T[${plus(tRow, j)}]`;
  if (plan.loss === 'crossEntropy') {
    // −Σ t · log(y + 1e-7); its gradient y − t is the softmax's delta (the book's).
    const terms: string[] = [];
    for (let j = 0; j < outputs; j++) {
      terms.push(`${target(j)} * Math.log(y${top}_${j} + ${String(CROSS_ENTROPY_EPSILON)})`);
      lines.push(`const dy${top}_${j} = y${top}_${j} - ${target(j)};`);
    }
    lines.push(`const entropy = ${sum(terms)};`, 'total = total + -entropy;');
  } else {
    const squares: string[] = [];
    for (let j = 0; j < outputs; j++) {
      lines.push(`const e${j} = y${top}_${j} - ${target(j)};`);
      squares.push(`e${j} * e${j}`);
    }
    lines.push(`const squares = ${sum(squares)};`);
    if (plan.loss === 'sumOfSquares') {
      // ½Σ(y − t)²; its gradient is y − t, the book's output delta.
      lines.push('total = total + 0.5 * squares;');
      for (let j = 0; j < outputs; j++) lines.push(`const dy${top}_${j} = e${j};`);
    } else {
      // Σ(y − t)² / outputs; its gradient is (2 / outputs)(y − t), the scale computed as lossGradient does.
      const scale = 2 / outputs;
      lines.push(`total = total + squares / ${int(outputs)};`);
      for (let j = 0; j < outputs; j++) {
        lines.push(`const dy${top}_${j} = ${String(scale)} * e${j};`);
      }
    }
  }
  const givesDelta = lossGivesDelta(plan);
  for (let l = top; l >= 0; l--) {
    const layer = layers[l] as LayerPlan<CpuStorage>;
    lines.push(...backwardCode(l, layer, givesDelta && l === top, single));
  }
  return lines;
}

/** Dense: y = f(x · W + b). Dropout: y = x · mask (the book's training forward). */
function forwardCode(l: number, layer: LayerPlan<CpuStorage>): string[] {
  const lines: string[] = [];
  if (layer.kind === 'dropout') {
    const mRow = rowStart('m', layer.units);
    for (let j = 0; j < layer.units; j++) {
      lines.push(`const y${l}_${j} = ${input(l, j)} * M${l}[${plus(mRow, j)}];`);
    }
    return lines;
  }
  for (let j = 0; j < layer.units; j++) {
    const terms: string[] = [];
    for (let p = 0; p < layer.inputs; p++) {
      terms.push(`${input(l, p)} * W${l}[${int(p * layer.units + j)}]`);
    }
    lines.push(`const u${l}_${j} = ${sum(terms)} + B${l}[${j}];`);
  }
  if (layer.activation === 'softmax') {
    // exp(u) / Σ exp(u), the sum from the first column, no max subtracted (the book's).
    const exps: string[] = [];
    for (let j = 0; j < layer.units; j++) {
      lines.push(`const s${l}_${j} = Math.exp(u${l}_${j});`);
      exps.push(`s${l}_${j}`);
    }
    lines.push(`const sum${l} = ${sum(exps)};`);
    for (let j = 0; j < layer.units; j++) lines.push(`const y${l}_${j} = s${l}_${j} / sum${l};`);
    return lines;
  }
  const code = ACTIVATION_CODE[layer.activation];
  for (let j = 0; j < layer.units; j++) {
    lines.push(`const y${l}_${j} = ${code.forward(`u${l}_${j}`)};`);
  }
  return lines;
}

/**
 * Dense: delta = dy · f'(u) (dy itself where the loss gives the delta),
 * grad_x = delta · Wᵀ, grad_w = xᵀ · delta, grad_b = Σ delta.
 * Dropout: grad_x = dy · mask.
 */
function backwardCode(
  l: number,
  layer: LayerPlan<CpuStorage>,
  givesDelta: boolean,
  single: boolean,
): string[] {
  const lines: string[] = [];
  if (layer.kind === 'dropout') {
    // The first layer's grad_x would go nowhere.
    if (l === 0) return lines;
    const mRow = rowStart('m', layer.units);
    for (let j = 0; j < layer.units; j++) {
      lines.push(`const dy${l - 1}_${j} = dy${l}_${j} * M${l}[${plus(mRow, j)}];`);
    }
    return lines;
  }
  const activation = givesDelta ? 'identity' : layer.activation;
  if (activation === 'softmax') {
    // y · (dy − Σ dy·y), the sum from the first column.
    const terms: string[] = [];
    for (let j = 0; j < layer.units; j++) terms.push(`dy${l}_${j} * y${l}_${j}`);
    lines.push(`const dot${l} = ${sum(terms)};`);
    for (let j = 0; j < layer.units; j++) {
      lines.push(`const dl${l}_${j} = y${l}_${j} * (dy${l}_${j} - dot${l});`);
    }
  } else {
    const code = ACTIVATION_CODE[activation];
    for (let j = 0; j < layer.units; j++) {
      lines.push(`const dl${l}_${j} = ${code.backward(`dy${l}_${j}`, `y${l}_${j}`)};`);
    }
  }
  if (l > 0) {
    for (let i = 0; i < layer.inputs; i++) {
      const terms: string[] = [];
      for (let j = 0; j < layer.units; j++) {
        terms.push(`dl${l}_${j} * W${l}[${int(i * layer.units + j)}]`);
      }
      lines.push(`const dy${l - 1}_${i} = ${sum(terms)};`);
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
  return lines;
}
