import { type ModelJSON, parseModel, validateModelJSON } from '@nn/core';
import { CliError } from './cli-error.js';
import { quote } from './quote.js';
import { readTextChunks } from './read-text.js';

/**
 * The largest model file read: 384 MiB holds nn train's largest network
 * (10 million parameters, about 325 MB as --save writes it) and stays
 * within V8's longest string, which JSON.parse needs the whole file in.
 */
export const MAX_MODEL_BYTES = 384 * 2 ** 20;

/** Reads and checks a model file: a UTF-8 BOM is allowed (as in CSV files), an overflowing number is named. */
export async function readModel(path: string): Promise<ModelJSON> {
  let text = '';
  let started = false;
  for await (const chunk of readTextChunks(path, {
    bytes: MAX_MODEL_BYTES,
    what: 'model files',
    advice: 'nn train --save writes no larger ones',
  })) {
    text += chunk;
    // Stop at the first character of something that is no model (/dev/zero, a binary file).
    // Only the head is looked at: a regular expression on the growing text would copy it each time.
    if (!started) {
      const first = /^\uFEFF?\s*(\S)/.exec(text)?.[1];
      started = first !== undefined;
      if (first !== undefined && first !== '{') {
        throw new CliError(
          `model: it starts with ${quote(first)}, not "{"; load a file written by toModelJSON / nn train --save`,
        );
      }
    }
  }
  text = text.replace(/^\uFEFF/, '');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return parseModel(text); // says why it is not JSON
  }
  const overflow = overflowingNumber(json);
  if (overflow !== undefined) {
    throw new CliError(
      `model: ${overflow} is out of range (beyond ±1.8e308, the float64 limit); load a file written by toModelJSON / nn train --save`,
    );
  }
  return validateModelJSON(json);
}

/** Where JSON.parse turned a number beyond float64's range (1e400) into ±Infinity, which JSON would write back as null. */
function overflowingNumber(json: unknown): string | undefined {
  const layers = (json as { layers?: unknown } | null)?.layers;
  if (!Array.isArray(layers)) return undefined;
  for (const [i, layer] of layers.entries()) {
    const { weights, bias } = (layer ?? {}) as { weights?: unknown; bias?: unknown };
    if (Array.isArray(weights)) {
      for (const [r, row] of weights.entries()) {
        const c = infinityAt(row);
        if (c !== undefined) return `layers[${i}].weights[${r}][${c}]`;
      }
    }
    const c = infinityAt(bias);
    if (c !== undefined) return `layers[${i}].bias[${c}]`;
  }
  return undefined;
}

function infinityAt(values: unknown): number | undefined {
  if (!Array.isArray(values)) return undefined;
  const index = values.findIndex(
    (v) => v === Number.POSITIVE_INFINITY || v === Number.NEGATIVE_INFINITY,
  );
  return index === -1 ? undefined : index;
}
