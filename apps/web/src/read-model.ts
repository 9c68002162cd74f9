import { type ModelJSON, NNError, validateModelJSON } from '@nn/core';
import { ACTIVATION_CHOICES, type ActivationChoice, MAX_LAYERS, MAX_WIDTH } from './settings.js';
import { shorten } from './shorten.js';

/**
 * The largest network the page trains (8 hidden layers of 256) saves, as
 * the page exports it, at about 15 MB; a bigger file cannot be a model the
 * page can use, so it is refused before it is read.
 */
export const MAX_MODEL_BYTES = 32 * 1024 * 1024;

/** A model the page can train, and the settings that describe it. */
export interface PageModel {
  model: ModelJSON;
  hidden: number[];
  activation: ActivationChoice;
}

/**
 * Reads model JSON text (the CLI's --save format, a UTF-8 BOM allowed) and
 * checks that it is a network the page trains: 1 input, 1 to MAX_LAYERS
 * hidden layers of at most MAX_WIDTH units sharing one of the page's
 * activations, and 1 identity output. Every failure is NN_MODEL_INVALID or
 * NN_MODEL_VERSION, naming the field.
 */
export function readModel(text: string): PageModel {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw invalid(`it is not JSON (${shorten((error as Error).message, 120)})`);
  }
  // JSON has no Infinity: a non-finite number here was a literal past float64's range (1e400).
  const outOfRange = findNonFinite(json, MODEL_DEPTH);
  if (outOfRange !== undefined) {
    const { path, value } = outOfRange;
    throw invalid(
      `${path.replace(/^\./, '')} is out of range: beyond ±1.8e308 it reads as ${value}`,
    );
  }
  const model = validateModelJSON(json);
  const hidden = model.layers.slice(0, -1);
  const output = model.layers.at(-1) as ModelJSON['layers'][number];
  if (model.layers[0]?.inputs !== 1 || output.units !== 1) {
    throw invalid('the page trains 1-input, 1-output networks; this model has other sizes');
  }
  if (hidden.length === 0 || hidden.length > MAX_LAYERS) {
    throw invalid(`it has ${hidden.length} hidden layers; the page trains 1 to ${MAX_LAYERS}`);
  }
  const activation = hidden[0]?.activation as ActivationChoice;
  hidden.forEach((layer, i) => {
    if (layer.units > MAX_WIDTH) {
      throw invalid(
        `layers[${i}] has ${layer.units} units; the page trains at most ${MAX_WIDTH} per layer`,
      );
    }
    if (
      !(ACTIVATION_CHOICES as readonly string[]).includes(layer.activation) ||
      layer.activation !== activation
    ) {
      throw invalid(
        `layers[${i}].activation is "${layer.activation}"; the page trains hidden layers of one activation, ${ACTIVATION_CHOICES.join(', ')}`,
      );
    }
  });
  if (output.activation !== 'identity') {
    throw invalid(
      `layers[${hidden.length}].activation is "${output.activation}"; the page's output layer is identity`,
    );
  }
  return { model, hidden: hidden.map((layer) => layer.units), activation };
}

/** How deep a model's numbers lie: layers[i].weights[r][c]. */
const MODEL_DEPTH = 5;

/**
 * The first number in `json`, at most `depth` levels down, that is not
 * finite, with its path (.layers[0].bias[2]); deeper nesting is no model,
 * which validateModelJSON says without this walk.
 */
function findNonFinite(json: unknown, depth: number): { path: string; value: number } | undefined {
  if (typeof json === 'number')
    return Number.isFinite(json) ? undefined : { path: '', value: json };
  if (typeof json !== 'object' || json === null || depth === 0) return undefined;
  if (Array.isArray(json)) {
    for (let i = 0; i < json.length; i++) {
      const found = findNonFinite(json[i], depth - 1);
      if (found !== undefined) return { path: `[${i}]${found.path}`, value: found.value };
    }
    return undefined;
  }
  for (const [key, value] of Object.entries(json)) {
    const found = findNonFinite(value, depth - 1);
    if (found !== undefined) return { path: `.${key}${found.path}`, value: found.value };
  }
  return undefined;
}

function invalid(reason: string): NNError {
  return new NNError(
    'NN_MODEL_INVALID',
    `model: ${reason}; load a file written by the page's Export or nn train --save`,
  );
}
