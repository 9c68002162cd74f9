import { fromModelJSON, type LayerJSON, type ModelJSON } from '@nn/core';
import { CliError } from '../cli-error.js';
import { isDecimal } from '../decimal.js';
import { loadBackend } from '../load-backend.js';
import type { PredictOptions } from '../predict-options.js';
import { predictRows } from '../predict-rows.js';
import { formatPythonFloat } from '../python-float.js';
import { quote } from '../quote.js';
import { type CsvTable, readCsv } from '../read-csv.js';
import { readModel } from '../read-model.js';
import { writeOut } from '../stdio.js';

/** `nn predict`: runs a saved model on inputs; prints CSV rows (inputs, then outputs) or NDJSON. */
export async function predict(options: PredictOptions): Promise<void> {
  const model = await readModel(options.model);
  const inputs = modelInputs(model);
  const outputs = (model.layers.at(-1) as LayerJSON).units;
  const lastDense = model.layers.filter((layer) => layer.type === 'dense').at(-1);
  const classifier = lastDense?.activation === 'softmax';
  const x = await readInputs(options, inputs, outputs, classifier);

  const widths = model.layers.flatMap((layer) => (layer.type === 'dense' ? [layer.units] : []));
  const backend = await loadBackend(options.backend, {
    widths: [inputs, ...widths],
    batchSize: x.length / inputs,
  });
  const network = fromModelJSON(backend, model);
  try {
    const y = await predictRows(network, x);
    const row = (values: Float64Array, r: number, width: number) =>
      Array.from(values.subarray(r * width, (r + 1) * width));
    const bad = y.findIndex((value) => !Number.isFinite(value));
    if (bad !== -1) {
      const at = Math.floor(bad / outputs);
      throw new CliError(
        `${options.model}: the output for x = ${row(x, at, inputs).map(formatPythonFloat).join(',')} is ${y[bad]}, beyond ${backend.capabilities.precision}'s range: the model's weights or this input are too large`,
      );
    }
    const rows = x.length / inputs;
    if (!options.json) writeOut(`${header(inputs, outputs, classifier)}\n`);
    for (let r = 0; r < rows; r++) {
      const xs = row(x, r, inputs);
      const ys = row(y, r, outputs);
      // A classifier's outputs are class probabilities; its answer is the likeliest class's index.
      const predicted = classifier ? { class: argmax(ys) } : {};
      const line = options.json
        ? JSON.stringify({
            x: inputs === 1 ? xs[0] : xs,
            y: outputs === 1 ? ys[0] : ys,
            ...predicted,
          })
        : [...[...xs, ...ys].map(formatPythonFloat), ...Object.values(predicted)].join(',');
      writeOut(`${line}\n`);
    }
  } finally {
    network.dispose();
    backend.destroy();
  }
}

/** --x values, or the input columns of --data (a CSV may also carry the targets after them). */
async function readInputs(
  options: PredictOptions,
  inputs: number,
  outputs: number,
  classifier: boolean,
): Promise<Float64Array> {
  if (options.x !== undefined) {
    if (inputs !== 1) {
      throw new CliError(
        `${options.model} takes ${inputs} inputs per row; pass them as CSV rows with --data`,
      );
    }
    return Float64Array.from(options.x);
  }
  // A classifier's CSV may end in its class label (any text), as nn train --data reads it.
  const table = classifier
    ? await readClassifierCsv(options.data as string, inputs)
    : await readCsv(options.data as string, [inputs, inputs + outputs]);
  const x = new Float64Array(table.rows * inputs);
  for (let row = 0; row < table.rows; row++) {
    x.set(table.values.subarray(row * table.columns, row * table.columns + inputs), row * inputs);
  }
  return x;
}

/** Feature columns, optionally then a label column; the labels are left out. */
async function readClassifierCsv(path: string, inputs: number): Promise<CsvTable> {
  const table = await readCsv(path, 'labelled');
  if (table.columns === inputs) return table;
  if (table.columns !== inputs - 1) {
    throw new CliError(
      `${path}: found ${table.columns + 1} columns, expected ${inputs} features, optionally then a class label`,
    );
  }
  // No label column: what was read as the label is the last feature.
  const values = new Float64Array(table.rows * inputs);
  const labels = table.labels as string[];
  for (let r = 0; r < table.rows; r++) {
    const last = Number(labels[r]);
    if (!isDecimal(labels[r] as string) || !Number.isFinite(last)) {
      throw new CliError(
        `${path}: row ${r + 1}'s column ${inputs} is ${quote(labels[r] as string)}, not a finite number`,
      );
    }
    values.set(table.values.subarray(r * table.columns, (r + 1) * table.columns), r * inputs);
    values[r * inputs + inputs - 1] = last;
  }
  return { values, rows: table.rows, columns: inputs };
}

function argmax(values: readonly number[]): number {
  let best = 0;
  for (let i = 1; i < values.length; i++)
    if ((values[i] as number) > (values[best] as number)) best = i;
  return best;
}

function header(inputs: number, outputs: number, classifier: boolean): string {
  const names = (prefix: string, count: number) =>
    count === 1 ? [prefix] : Array.from({ length: count }, (_, i) => `${prefix}${i + 1}`);
  return [...names('x', inputs), ...names('y', outputs), ...(classifier ? ['class'] : [])].join(
    ',',
  );
}

/** A dropout layer keeps its width, so a model that starts with one takes that many inputs. */
function modelInputs(model: ModelJSON): number {
  const first = model.layers[0] as LayerJSON;
  return first.type === 'dense' ? first.inputs : first.units;
}
