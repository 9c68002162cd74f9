import { fromModelJSON, type ModelJSON } from '@nn/core';
import { CliError } from '../cli-error.js';
import { loadBackend } from '../load-backend.js';
import type { PredictOptions } from '../predict-options.js';
import { predictRows } from '../predict-rows.js';
import { formatPythonFloat } from '../python-float.js';
import { readCsv } from '../read-csv.js';
import { readModel } from '../read-model.js';
import { writeOut } from '../stdio.js';

/** `nn predict`: runs a saved model on inputs; prints CSV rows (inputs, then outputs) or NDJSON. */
export async function predict(options: PredictOptions): Promise<void> {
  const model = await readModel(options.model);
  const inputs = (model.layers[0] as ModelJSON['layers'][number]).inputs;
  const outputs = (model.layers.at(-1) as ModelJSON['layers'][number]).units;
  const x = await readInputs(options, inputs, outputs);

  const backend = await loadBackend(options.backend);
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
    if (!options.json) writeOut(`${header(inputs, outputs)}\n`);
    for (let r = 0; r < rows; r++) {
      const xs = row(x, r, inputs);
      const ys = row(y, r, outputs);
      const line = options.json
        ? JSON.stringify({ x: inputs === 1 ? xs[0] : xs, y: outputs === 1 ? ys[0] : ys })
        : [...xs, ...ys].map(formatPythonFloat).join(',');
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
): Promise<Float64Array> {
  if (options.x !== undefined) {
    if (inputs !== 1) {
      throw new CliError(
        `${options.model} takes ${inputs} inputs per row; pass them as CSV rows with --data`,
      );
    }
    return Float64Array.from(options.x);
  }
  const table = await readCsv(options.data as string, [inputs, inputs + outputs]);
  const x = new Float64Array(table.rows * inputs);
  for (let row = 0; row < table.rows; row++) {
    x.set(table.values.subarray(row * table.columns, row * table.columns + inputs), row * inputs);
  }
  return x;
}

function header(inputs: number, outputs: number): string {
  const names = (prefix: string, count: number) =>
    count === 1 ? [prefix] : Array.from({ length: count }, (_, i) => `${prefix}${i + 1}`);
  return [...names('x', inputs), ...names('y', outputs)].join(',');
}
