import { readFile } from 'node:fs/promises';
import { fromModelJSON, type ModelJSON, parseModel } from '@nn/core';
import { CliError } from '../cli-error.js';
import { loadBackend } from '../load-backend.js';
import type { PredictOptions } from '../predict-options.js';
import { formatPythonFloat } from '../python-float.js';
import { readCsv } from '../read-csv.js';

/** `nn predict`: runs a saved model on inputs; prints CSV rows (inputs, then outputs) or NDJSON. */
export async function predict(options: PredictOptions): Promise<void> {
  let text: string;
  try {
    text = await readFile(options.model, 'utf8');
  } catch (error) {
    throw new CliError(`cannot read ${options.model}: ${(error as Error).message}`);
  }
  const model = parseModel(text);
  const inputs = (model.layers[0] as ModelJSON['layers'][number]).inputs;
  const outputs = (model.layers.at(-1) as ModelJSON['layers'][number]).units;
  const x = await readInputs(options, inputs, outputs);

  const backend = await loadBackend(options.backend);
  const network = fromModelJSON(backend, model);
  try {
    const y = await network.predict(x);
    const rows = x.length / inputs;
    if (!options.json) process.stdout.write(`${header(inputs, outputs)}\n`);
    for (let row = 0; row < rows; row++) {
      const xs = Array.from(x.slice(row * inputs, (row + 1) * inputs));
      const ys = Array.from(y.slice(row * outputs, (row + 1) * outputs));
      const line = options.json
        ? JSON.stringify({ x: inputs === 1 ? xs[0] : xs, y: outputs === 1 ? ys[0] : ys })
        : [...xs, ...ys].map(formatPythonFloat).join(',');
      process.stdout.write(`${line}\n`);
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
