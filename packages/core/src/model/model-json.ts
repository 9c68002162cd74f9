import type { Backend } from '../backend/backend.js';
import { NNError } from '../errors.js';
import { ACTIVATIONS, type Activation } from '../kernels.js';
import { Dense } from '../layers/dense.js';
import { Dropout } from '../layers/dropout.js';
import type { Layer } from '../layers/layer.js';
import { Sequential } from '../layers/sequential.js';

export const MODEL_FORMAT = 'nn-model';
/** Version 2 added softmax and dropout layers; a model without them is still written as version 1. */
export const MODEL_VERSION = 2;
const READABLE_VERSIONS = [1, 2] as const;
/** Activations a version-1 file may hold. */
const VERSION_1_ACTIVATIONS: readonly Activation[] = ['sigmoid', 'identity', 'tanh', 'relu'];

export interface DenseLayerJSON {
  type: 'dense';
  inputs: number;
  units: number;
  activation: Activation;
  /** inputs × units, one inner array per input (NumPy's w.tolist()). */
  weights: number[][];
  bias: number[];
}

export interface DropoutLayerJSON {
  type: 'dropout';
  units: number;
  ratio: number;
}

export type LayerJSON = DenseLayerJSON | DropoutLayerJSON;

/** A saved model: the architecture and every parameter in full float64 precision. */
export interface ModelJSON {
  format: typeof MODEL_FORMAT;
  version: (typeof READABLE_VERSIONS)[number];
  layers: LayerJSON[];
}

/**
 * Reads the network's parameters back from the backend into a ModelJSON;
 * refuses parameters that are not finite (a diverged run is not saved).
 */
export async function toModelJSON<S>(network: Sequential<S>): Promise<ModelJSON> {
  const layers: LayerJSON[] = [];
  for (const [i, layer] of network.layers.entries()) {
    if (layer instanceof Dropout) {
      layers.push({ type: 'dropout', units: layer.units, ratio: layer.ratio });
      continue;
    }
    if (!(layer instanceof Dense)) {
      throw new NNError('NN_INVALID_ARGUMENT', 'model JSON holds dense and dropout layers only');
    }
    const weights = await network.backend.read(layer.weights);
    const bias = await network.backend.read(layer.bias);
    for (const [name, values] of [
      ['weights', weights],
      ['bias', bias],
    ] as const) {
      const bad = values.findIndex((v) => !Number.isFinite(v));
      if (bad >= 0) {
        throw new NNError(
          'NN_DIVERGED',
          `model: layer ${i}'s ${name}[${bad}] is ${values[bad]}; a diverged network is not saved (lower eta or the initial weight width, and train again)`,
        );
      }
    }
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
  const needsVersion2 = layers.some(
    (l) => l.type === 'dropout' || !VERSION_1_ACTIVATIONS.includes(l.activation),
  );
  return { format: MODEL_FORMAT, version: needsVersion2 ? 2 : 1, layers };
}

/** Checks `json` (parsed, from any source) and builds its network on `backend`. */
export function fromModelJSON<S>(backend: Backend<S>, json: unknown): Sequential<S> {
  const model = validateModelJSON(json);
  const layers: Layer<S>[] = [];
  try {
    for (const layer of model.layers) {
      layers.push(
        layer.type === 'dropout'
          ? new Dropout(backend, { units: layer.units, ratio: layer.ratio })
          : new Dense(backend, {
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

/** Parses model text (a UTF-8 BOM is ignored); every failure is NN_MODEL_INVALID or NN_MODEL_VERSION with the reason. */
export function parseModel(text: string): ModelJSON {
  let json: unknown;
  try {
    json = JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text);
  } catch (error) {
    throw invalid(`it is not JSON (${(error as Error).message})`);
  }
  return validateModelJSON(json);
}

export function validateModelJSON(json: unknown): ModelJSON {
  if (!isObject(json)) throw invalid('it is not a JSON object');
  if (json.format !== MODEL_FORMAT) {
    throw invalid(`"format" is ${shorten(JSON.stringify(json.format))}, not "${MODEL_FORMAT}"`);
  }
  const version = json.version;
  if (!(READABLE_VERSIONS as readonly unknown[]).includes(version)) {
    throw new NNError(
      'NN_MODEL_VERSION',
      `model: version ${shorten(JSON.stringify(version))} is not supported; this @nn reads versions ${READABLE_VERSIONS.join(' and ')} (save the model again with a matching @nn)`,
    );
  }
  const layers = json.layers;
  if (!Array.isArray(layers) || layers.length === 0) {
    throw invalid('"layers" must be a non-empty array');
  }
  const activations = version === 1 ? VERSION_1_ACTIVATIONS : ACTIVATIONS;
  let width: number | undefined;
  layers.forEach((layer: unknown, i) => {
    const at = `layers[${i}]`;
    if (!isObject(layer)) throw invalid(`${at} is not an object`);
    if (layer.type === 'dropout' && version !== 1) {
      validateDropout(layer, at);
    } else {
      validateDense(layer, at, activations);
      if (width !== undefined && width !== layer.inputs) {
        throw invalid(`${at} takes ${layer.inputs} inputs but the layer before gives ${width}`);
      }
    }
    if (layer.type === 'dropout' && width !== undefined && width !== layer.units) {
      throw invalid(`${at} has ${layer.units} units but the layer before gives ${width}`);
    }
    width = layer.units as number;
  });
  return json as unknown as ModelJSON;
}

function validateDropout(layer: Record<string, unknown>, at: string): void {
  checkWhole(layer.units, `${at}.units`);
  const ratio = layer.ratio;
  if (typeof ratio !== 'number' || !(ratio >= 0 && ratio < 1)) {
    throw invalid(`${at}.ratio is ${shorten(JSON.stringify(ratio))}; it must be in [0, 1)`);
  }
}

function validateDense(
  layer: Record<string, unknown>,
  at: string,
  activations: readonly Activation[],
): asserts layer is Record<string, unknown> & DenseLayerJSON {
  if (layer.type !== 'dense') {
    const allowed = activations === ACTIVATIONS ? '"dense" or "dropout"' : '"dense"';
    throw invalid(`${at}.type is ${shorten(JSON.stringify(layer.type))}, not ${allowed}`);
  }
  checkWhole(layer.inputs, `${at}.inputs`);
  checkWhole(layer.units, `${at}.units`);
  if (!(activations as readonly unknown[]).includes(layer.activation)) {
    throw invalid(
      `${at}.activation is ${shorten(JSON.stringify(layer.activation))}; use one of ${activations.join(', ')}`,
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

function checkWhole(value: unknown, at: string): void {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw invalid(`${at} is ${shorten(JSON.stringify(value))}; it must be a whole number ≥ 1`);
  }
}

function checkNumbers(values: unknown, length: number, at: string): void {
  if (!Array.isArray(values) || values.length !== length) {
    throw invalid(`${at} must be an array of ${length} numbers`);
  }
  const bad = values.findIndex((v) => typeof v !== 'number' || !Number.isFinite(v));
  if (bad < 0) return;
  const value = values[bad];
  // JSON has no Infinity: a number parsed as one was beyond float64's range (e.g. 1e400).
  const what =
    typeof value === 'number'
      ? 'a number out of float64 range (beyond ±1.8e308)'
      : `${shorten(JSON.stringify(value) ?? String(value))}, not a finite number`;
  throw invalid(`${at}[${bad}] is ${what}`);
}

/** Long values are cut in messages, so one bad field cannot flood a terminal. */
function shorten(text: string | undefined, limit = 60): string {
  const value = text ?? 'undefined';
  return value.length <= limit ? value : `${value.slice(0, limit)}… (${value.length} characters)`;
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
