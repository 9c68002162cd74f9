import {
  type Activation,
  type Backend,
  denseBackwardFromKernels,
  denseForwardFromKernels,
  type Tensor,
} from '@nn/core';
import { it } from 'vitest';
import { createReferenceBackend } from '../reference-backend.js';
import { textbookTolerance } from '../tolerance.js';
import { expectClose, type SuiteContext, seededRng, uniform } from './context.js';

/** A 1-4-3-1 network: [inputs, units, activation] of each layer. */
const LAYERS: readonly (readonly [number, number, Activation])[] = [
  [1, 4, 'tanh'],
  [4, 3, 'sigmoid'],
  [3, 1, 'identity'],
];
const BATCH = 5;
const STEPS = 3;
const ETA = 0.1;

interface ComposedLayer {
  activation: Activation;
  w: Tensor;
  b: Tensor;
  y: Tensor;
  delta: Tensor;
  gradW: Tensor;
  gradB: Tensor;
  dx: Tensor;
}

/**
 * STEPS SGD steps on one batch, each layer's forward and backward composed
 * from the backend's own matMul, biasAdd, columnSum and activation kernels,
 * whatever fused kernels it has: grad_x = delta · Wᵀ is matMul with
 * transposeB, which a fused denseBackward would hide. Returns every
 * parameter after the last step.
 */
async function composedSteps(backend: Backend): Promise<number[]> {
  const rng = seededRng(43);
  const xValues = uniform(rng, BATCH, -1, 1);
  const x = backend.tensor([BATCH, 1], xValues);
  const t = backend.tensor([BATCH, 1], xValues.map(Math.sin));
  const dy = backend.tensor([BATCH, 1]);
  const layers: ComposedLayer[] = LAYERS.map(([inputs, units, activation]) => ({
    activation,
    w: backend.tensor([inputs, units], uniform(rng, inputs * units, -1, 1)),
    b: backend.tensor([1, units], uniform(rng, units, -1, 1)),
    y: backend.tensor([BATCH, units]),
    delta: backend.tensor([BATCH, units]),
    gradW: backend.tensor([inputs, units]),
    gradB: backend.tensor([1, units]),
    dx: backend.tensor([BATCH, inputs]),
  }));
  const output = layers.at(-1) as ComposedLayer;
  for (let step = 0; step < STEPS; step++) {
    let input = x;
    for (const layer of layers) {
      denseForwardFromKernels(backend, input, layer.w, layer.b, layer.activation, layer.y);
      input = layer.y;
    }
    backend.lossGradient('sumOfSquares', output.y, t, dy);
    let gradient = dy;
    for (let i = layers.length - 1; i >= 0; i--) {
      const layer = layers[i] as ComposedLayer;
      const layerInput = i === 0 ? x : (layers[i - 1] as ComposedLayer).y;
      const dx = i === 0 ? undefined : layer.dx;
      denseBackwardFromKernels(
        backend,
        layerInput,
        layer.w,
        layer.y,
        gradient,
        layer.activation,
        layer.delta,
        layer.gradW,
        layer.gradB,
        dx,
      );
      gradient = layer.dx;
    }
    for (const layer of layers) {
      backend.sgdUpdate(layer.w, layer.gradW, ETA);
      backend.sgdUpdate(layer.b, layer.gradB, ETA);
    }
  }
  const parameters: number[] = [];
  for (const layer of layers) {
    parameters.push(...(await backend.read(layer.w)), ...(await backend.read(layer.b)));
  }
  for (const tensor of [
    x,
    t,
    dy,
    ...layers.flatMap(({ activation, ...tensors }) => Object.values(tensors)),
  ]) {
    backend.dispose(tensor);
  }
  return parameters;
}

/** A training test that goes through matMul's transposeB even on a backend with fused dense kernels. */
export function composedTrainingTests(context: SuiteContext): void {
  it('SGD steps of a 1-4-3-1 network composed from the required kernels (grad_x = delta · Wᵀ by matMul with transposeB) track the reference backend', async () => {
    const backend = context.backend();
    const expected = await composedSteps(createReferenceBackend());
    const actual = await composedSteps(backend);
    const relative = textbookTolerance(backend.precision, STEPS * BATCH);
    expectClose(
      actual,
      expected,
      expected.map((w) => relative * (Math.abs(w) + 1)),
      'parameters after the composed steps',
    );
  });
}
