import type { Backend } from '../backend/backend.js';
import { NNError } from '../errors.js';
import { ACTIVATIONS, type Activation } from '../kernels.js';
import { Dense } from '../layers/dense.js';
import { Sequential } from '../layers/sequential.js';

export const MODEL_FORMAT = 'nn-model';
export const MODEL_VERSION = 1;

export interface DenseLayerJSON {
  type: 'dense';
  inputs: number;
  units: number;
  activation: Activation;
  /** inputs × units, one inner array per input (NumPy's w.tolist()). */
  weights: number[][];
  bias: number[];
}

/** A saved model: the architecture and every parameter in full float64 precision. */
export interface ModelJSON {
  format: typeof MODEL_FORMAT;
  version: typeof MODEL_VERSION;
  layers: DenseLayerJSON[];
}

/** Reads the network's parameters back from the backend into a ModelJSON. */
export async function toModelJSON<S>(network: Sequential<S>): Promise<ModelJSON> {
  const layers: DenseLayerJSON[] = [];
  for (const layer of network.layers) {
    if (!(layer instanceof Dense)) {
      throw new NNError('NN_INVALID_ARGUMENT', 'model JSON holds dense layers only');
    }
    const weights = await network.backend.read(layer.weights);
    const bias = await network.backend.read(layer.bias);
    layers.push({
      type: 'dense',
      inputs: layer.inputs,
      units: layer.units,
      activation: layer.activation,
      weights: Array.from({ length: layer.inputs }, (_, r) =>
        Array.from(weights.subarray(r * layer.units, (r + 1) * layer.units)),
      ),
      bias: Array.from(bias),
    });
  }
  return { format: MODEL_FORMAT, version: MODEL_VERSION, layers };
}

/** Checks `json` (parsed, from any source) and builds its network on `backend`. */
export function fromModelJSON<S>(backend: Backend<S>, json: unknown): Sequential<S> {
  const model = validateModelJSON(json);
  const layers: Dense<S>[] = [];
  try {
    for (const layer of model.layers) {
      layers.push(
        new Dense(backend, {
          inputs: layer.inputs,
          units: layer.units,
          activation: layer.activation,
          weights: layer.weights.flat(),
          bias: layer.bias,
        }),
      );
    }
    return new Sequential(backend, layers);
  } catch (error) {
    for (const layer of layers) layer.dispose();
    throw error;
  }
}

/** Parses model text; every failure is NN_MODEL_INVALID or NN_MODEL_VERSION with the reason. */
export function parseModel(text: string): ModelJSON {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw invalid(`it is not JSON (${(error as Error).message})`);
  }
  return validateModelJSON(json);
}

export function validateModelJSON(json: unknown): ModelJSON {
  if (!isObject(json)) throw invalid('it is not a JSON object');
  if (json.format !== MODEL_FORMAT) {
    throw invalid(`"format" is ${JSON.stringify(json.format)}, not "${MODEL_FORMAT}"`);
  }
  if (json.version !== MODEL_VERSION) {
    throw new NNError(
      'NN_MODEL_VERSION',
      `model: version ${JSON.stringify(json.version)} is not supported; this @nn reads version ${MODEL_VERSION} (save the model again with a matching @nn)`,
    );
  }
  const layers = json.layers;
  if (!Array.isArray(layers) || layers.length === 0) {
    throw invalid('"layers" must be a non-empty array');
  }
  layers.forEach((layer, i) => {
    validateLayer(layer, `layers[${i}]`);
    const before = layers[i - 1] as DenseLayerJSON | undefined;
    if (before !== undefined && before.units !== layer.inputs) {
      throw invalid(
        `layers[${i}] takes ${layer.inputs} inputs but layers[${i - 1}] gives ${before.units}`,
      );
    }
  });
  return json as unknown as ModelJSON;
}

function validateLayer(layer: unknown, at: string): asserts layer is DenseLayerJSON {
  if (!isObject(layer)) throw invalid(`${at} is not an object`);
  if (layer.type !== 'dense')
    throw invalid(`${at}.type is ${JSON.stringify(layer.type)}, not "dense"`);
  for (const key of ['inputs', 'units'] as const) {
    const value = layer[key];
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
      throw invalid(`${at}.${key} is ${JSON.stringify(value)}; it must be a whole number ≥ 1`);
    }
  }
  if (!(ACTIVATIONS as readonly unknown[]).includes(layer.activation)) {
    throw invalid(
      `${at}.activation is ${JSON.stringify(layer.activation)}; use one of ${ACTIVATIONS.join(', ')}`,
    );
  }
  const inputs = layer.inputs as number;
  const units = layer.units as number;
  const weights = layer.weights;
  if (!Array.isArray(weights) || weights.length !== inputs) {
    throw invalid(`${at}.weights must be ${inputs} rows (one per input) of ${units} numbers`);
  }
  weights.forEach((row, r) => {
    checkNumbers(row, units, `${at}.weights[${r}]`);
  });
  checkNumbers(layer.bias, units, `${at}.bias`);
}

function checkNumbers(values: unknown, length: number, at: string): void {
  if (!Array.isArray(values) || values.length !== length) {
    throw invalid(`${at} must be an array of ${length} numbers`);
  }
  const bad = values.findIndex((v) => typeof v !== 'number' || !Number.isFinite(v));
  if (bad >= 0)
    throw invalid(`${at}[${bad}] is ${JSON.stringify(values[bad])}, not a finite number`);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function invalid(reason: string): NNError {
  return new NNError(
    'NN_MODEL_INVALID',
    `model: ${reason}; load a file written by toModelJSON / nn train --save`,
  );
}
