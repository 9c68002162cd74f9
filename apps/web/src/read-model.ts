import {
  type DenseLayerJSON,
  EXAMPLE_NAMES,
  EXAMPLES,
  type ExampleName,
  HIDDEN_ACTIVATIONS,
  type HiddenActivation,
  type LayerJSON,
  type ModelJSON,
  NNError,
  validateModelJSON,
} from '@nn/core';
import { MAX_LAYERS, MAX_WIDTH } from './settings.js';
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
  /** The example whose inputs, outputs and output activation the model has. */
  example: ExampleName;
  hidden: number[];
  activation: HiddenActivation;
  dropout: number;
}

/**
 * Reads model JSON text (the CLI's --save format, a UTF-8 BOM allowed) and
 * checks that it is a network the page trains: the inputs, outputs and
 * output activation of one of the examples (a softmax classifier of 2 → 2 is
 * the §5.10 one, of 4 → 3 Iris), 1 to MAX_LAYERS hidden layers of at most
 * MAX_WIDTH units sharing one of the page's activations, and either no
 * dropout or the same ratio after every hidden layer (as the page builds
 * them). Every failure is NN_MODEL_INVALID or NN_MODEL_VERSION, naming the
 * field.
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
  const dense = model.layers.flatMap((layer, at) =>
    layer.type === 'dense' ? [{ layer, at }] : [],
  );
  const output = dense.at(-1);
  const last = model.layers.length - 1;
  if (output === undefined || output.at !== last) {
    throw invalid(`layers[${last}] is a dropout layer; the page's networks end with a dense layer`);
  }
  const example = exampleOf(dense[0]?.layer.inputs as number, output.layer);
  const hidden = dense.slice(0, -1);
  if (hidden.length === 0 || hidden.length > MAX_LAYERS) {
    throw invalid(`it has ${hidden.length} hidden layers; the page trains 1 to ${MAX_LAYERS}`);
  }
  const activation = hidden[0]?.layer.activation as HiddenActivation;
  for (const { layer, at } of hidden) {
    if (layer.units > MAX_WIDTH) {
      throw invalid(
        `layers[${at}] has ${layer.units} units; the page trains at most ${MAX_WIDTH} per layer`,
      );
    }
    if (
      !(HIDDEN_ACTIVATIONS as readonly string[]).includes(layer.activation) ||
      layer.activation !== activation
    ) {
      throw invalid(
        `layers[${at}].activation is "${layer.activation}"; the page trains hidden layers of one activation, ${HIDDEN_ACTIVATIONS.join(', ')}`,
      );
    }
  }
  return {
    model,
    example,
    hidden: hidden.map(({ layer }) => layer.units),
    activation,
    dropout: dropoutOf(
      model.layers,
      hidden.map(({ at }) => at),
    ),
  };
}

/** The example a model of `inputs` and this output layer belongs to, from core's EXAMPLES. */
function exampleOf(inputs: number, output: DenseLayerJSON): ExampleName {
  const found = EXAMPLE_NAMES.find((name) => {
    const book = EXAMPLES[name].settings;
    return (
      book.inputs === inputs &&
      book.outputs === output.units &&
      book.outputActivation === output.activation
    );
  });
  if (found !== undefined) return found;
  const shape = (i: number, o: number, activation: string) => `${i} → ${o} ${activation}`;
  const examples = EXAMPLE_NAMES.map((name) => {
    const book = EXAMPLES[name].settings;
    return `${name} ${shape(book.inputs, book.outputs, book.outputActivation)}`;
  }).join(', ');
  const kind = output.activation === 'softmax' ? 'a classifier of ' : '';
  throw invalid(
    `${kind}${shape(inputs, output.units, output.activation)} fits none of the page's examples (${examples})`,
  );
}

/**
 * The dropout ratio the page's settings give this model: none, or one ratio
 * right after every hidden layer (at `hiddenAt`), where the page puts them.
 */
function dropoutOf(layers: readonly LayerJSON[], hiddenAt: readonly number[]): number {
  const dropouts = layers.flatMap((layer, at) => (layer.type === 'dropout' ? [{ layer, at }] : []));
  if (dropouts.length === 0) return 0;
  const ratio = (dropouts[0] as (typeof dropouts)[number]).layer.ratio;
  const afterEach =
    dropouts.length === hiddenAt.length &&
    dropouts.every(
      ({ layer, at }, i) => at === (hiddenAt[i] as number) + 1 && layer.ratio === ratio,
    );
  if (!afterEach) {
    throw invalid(
      'its dropout layers are not one ratio right after every hidden layer, the only way the page places them',
    );
  }
  return ratio;
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
