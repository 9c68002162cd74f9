import { randomInt } from 'node:crypto';
import type { WriteStream } from 'node:tty';
import {
  createRegressionNetwork,
  DefaultRng,
  type EpochReport,
  fit,
  isNNError,
  NumpyRng,
  type Sequential,
  Sgd,
  textbookData,
  toModelJSON,
} from '@nn/core';
import type { RegressionFrame } from '@nn/viz';
import { CliError } from '../cli-error.js';
import { loadBackend } from '../load-backend.js';
import { checkWritable, writeFileAtomic } from '../output-file.js';
import { ProgressBar } from '../progress-bar.js';
import { formatPythonFloat } from '../python-float.js';
import { readCsv } from '../read-csv.js';
import { MAX_SEED, type TrainOptions } from '../train-options.js';

interface TrainingData {
  x: ArrayLike<number>;
  t: ArrayLike<number>;
}

interface FitOutcome {
  final: EpochReport;
  /** Charts to draw: every report for a GIF, else only the last for a PNG, else none. */
  frames: RegressionFrame[];
}

/** `nn train`: the book's run and its knobs; prints the book's lines or NDJSON, writes the outputs asked for. */
export async function train(options: TrainOptions): Promise<void> {
  const started = performance.now();
  const outputs = [
    ['--gif', options.gif],
    ['--png', options.png],
    ['--save', options.save],
  ] as const;
  for (const [flag, path] of outputs) if (path !== undefined) await checkWritable(path, flag);
  const data = options.data === undefined ? textbookData() : await readTrainingCsv(options.data);

  const seed = options.seed ?? randomInt(0, MAX_SEED + 1);
  if (options.seed === undefined) {
    process.stderr.write(`nn: seed ${seed} (pass --seed ${seed} to repeat this run)\n`);
  }
  const rng = options.rng === 'numpy' ? new NumpyRng(seed) : new DefaultRng(seed);
  const backend = await loadBackend(options.backend);
  const { fallbackReason } = backend.capabilities;
  if (fallbackReason !== undefined) {
    process.stderr.write(
      `nn: ${backend.name} runs ${backend.capabilities.mode}: ${fallbackReason}\n`,
    );
  }
  let network: Sequential | undefined;
  try {
    network = createRegressionNetwork(backend, {
      hidden: options.hidden,
      activation: options.activation,
      rng,
      wbWidth: options.wbWidth,
    });
    const { final, frames } = await runFit(network, data, rng, options);
    await writeOutputs(network, frames, options);
    if (options.json) {
      writeJson({
        type: 'done',
        epochs: options.epochs,
        error: final.error,
        backend: backend.name,
        mode: backend.capabilities.mode,
        precision: backend.capabilities.precision,
        ...(fallbackReason !== undefined && { fallbackReason }),
        seed,
        rng: options.rng,
        seconds: Number(((performance.now() - started) / 1000).toFixed(3)),
      });
    }
  } finally {
    network?.dispose();
    backend.destroy();
  }
}

/** Trains, printing each interval's line as it comes; predictions are read back only for charts. */
async function runFit(
  network: Sequential,
  data: TrainingData,
  rng: NumpyRng | DefaultRng,
  options: TrainOptions,
): Promise<FitOutcome> {
  const stderr = process.stderr as WriteStream;
  const bar = stderr.isTTY && !options.json ? new ProgressBar(stderr, options.epochs) : undefined;
  const frames: RegressionFrame[] = [];
  let final: EpochReport | undefined;
  const onInterval = async (report: EpochReport): Promise<void> => {
    bar?.clear();
    // The book prints only on the interval; an off-interval last epoch is still a frame and the final error.
    if (report.epoch % options.interval === 0) printReport(report, options);
    if (options.gif !== undefined || (options.png !== undefined && report.last)) {
      frames.push({
        x: data.x,
        target: data.t,
        predictions: await network.predict(data.x),
        epoch: report.epoch,
        epochs: options.epochs,
        error: report.error,
      });
    }
    final = report;
  };
  try {
    await fit(network, data, {
      epochs: options.epochs,
      interval: options.interval,
      batchSize: options.batchSize,
      optimizer: new Sgd({ eta: options.eta }),
      rng,
      onInterval,
      onEpoch: (epoch) => bar?.update(epoch + 1, `epoch ${epoch + 1}/${options.epochs}`),
    });
  } catch (error) {
    if (isNNError(error, 'NN_DIVERGED'))
      throw new CliError(`${error.message} (this run: --eta ${options.eta})`);
    throw error;
  } finally {
    bar?.clear();
  }
  return { final: final as EpochReport, frames };
}

function printReport(report: EpochReport, options: TrainOptions): void {
  if (options.json) {
    writeJson({ type: 'epoch', epoch: report.epoch, error: report.error });
  } else {
    process.stdout.write(
      `Epoch:${report.epoch}/${options.epochs} Error:${formatPythonFloat(report.error)}\n`,
    );
  }
}

async function writeOutputs(
  network: Sequential,
  frames: RegressionFrame[],
  options: TrainOptions,
): Promise<void> {
  if (options.gif !== undefined || options.png !== undefined) {
    const { renderRegressionGif, renderRegressionPng } = await import('@nn/viz/node');
    if (options.gif !== undefined) await writeFileAtomic(options.gif, renderRegressionGif(frames));
    // The last frame is the final fit whether or not a GIF was drawn.
    if (options.png !== undefined) {
      await writeFileAtomic(options.png, renderRegressionPng(frames.at(-1) as RegressionFrame));
    }
  }
  if (options.save !== undefined) {
    await writeFileAtomic(options.save, `${JSON.stringify(await toModelJSON(network), null, 2)}\n`);
  }
}

async function readTrainingCsv(path: string): Promise<TrainingData> {
  const table = await readCsv(path, [2]);
  const x = new Float64Array(table.rows);
  const t = new Float64Array(table.rows);
  for (let row = 0; row < table.rows; row++) {
    x[row] = table.values[2 * row] as number;
    t[row] = table.values[2 * row + 1] as number;
  }
  return { x, t };
}

function writeJson(value: object): void {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}
