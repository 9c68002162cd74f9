import { randomInt } from 'node:crypto';
import type { WriteStream } from 'node:tty';
import {
  type Backend,
  createRegressionNetwork,
  DefaultRng,
  type EpochReport,
  isNNError,
  NumpyRng,
  type Sequential,
  Sgd,
  TrainingSession,
  textbookData,
} from '@nn/core';
import type { RegressionFrame } from '@nn/viz';
import type { ChartSample } from '../chart-sample.js';
import type { CliError } from '../cli-error.js';
import type { DivergenceContext } from '../divergence.js';
import { loadBackend } from '../load-backend.js';
import { checkBatchSize } from '../network-size.js';
import { ProgressBar } from '../progress-bar.js';
import { formatPythonFloat } from '../python-float.js';
import { writeErr, writeOut } from '../stdio.js';
import { MAX_SEED, type TrainOptions } from '../train-options.js';

interface TrainingData {
  x: Float64Array;
  t: Float64Array;
}

/** `nn train`: the book's run and its knobs; prints the book's lines or NDJSON, writes the outputs asked for. */
export async function train(options: TrainOptions): Promise<void> {
  const started = performance.now();
  // What reads and writes files, draws charts or explains a divergence loads only when needed.
  const files = usesFiles(options) ? await import('../train-outputs.js') : undefined;
  await files?.checkDistinctFiles(options);
  const outputs = await files?.prepareOutputs(options);
  const data = await readTrainingData(options.data);
  checkBatchSize(options.batchSize, data.x.length, options.hidden);

  const seed = options.seed ?? randomInt(0, MAX_SEED + 1);
  if (options.seed === undefined) {
    writeErr(`nn: seed ${seed} (pass --seed ${seed} to repeat this run)\n`);
  }
  const backend = await loadBackend(options.backend);
  const { fallbackReason } = backend.capabilities;
  if (fallbackReason !== undefined) {
    writeErr(`nn: ${backend.name} runs ${backend.capabilities.mode}: ${fallbackReason}\n`);
  }
  const rng = newRng(options, seed);
  const divergence: DivergenceContext = {
    // A fresh generator with the run's seed draws the same initial weights again.
    initialNetwork: (wbWidth) => createNetwork(backend, options, newRng(options, seed), wbWidth),
    x: data.x,
    t: data.t,
    wbWidth: options.wbWidth,
    eta: options.eta,
    precision: backend.capabilities.precision,
  };
  let network: Sequential | undefined;
  try {
    network = createNetwork(backend, options, rng, options.wbWidth);
    const sample =
      options.gif !== undefined || options.png !== undefined
        ? (await import('../chart-sample.js')).chartSample(data.x, data.t)
        : undefined;
    const { final, frames } = await runSession(network, data, rng, sample, options, divergence);
    await checkParameters(network, divergence);
    if (files !== undefined && outputs !== undefined)
      await files.writeOutputs(network, frames, outputs);
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

function usesFiles(options: TrainOptions): boolean {
  return [options.data, options.gif, options.png, options.save].some((path) => path !== undefined);
}

async function explainDivergence(context: DivergenceContext, message: string): Promise<CliError> {
  return (await import('../divergence.js')).explainDivergence(context, message);
}

function newRng(options: TrainOptions, seed: number): NumpyRng | DefaultRng {
  return options.rng === 'numpy' ? new NumpyRng(seed) : new DefaultRng(seed);
}

function createNetwork(
  backend: Backend,
  options: TrainOptions,
  rng: NumpyRng | DefaultRng,
  wbWidth: number,
): Sequential {
  return createRegressionNetwork(backend, {
    hidden: options.hidden,
    activation: options.activation,
    rng,
    wbWidth,
  });
}

/**
 * Trains through a session, printing each interval's line as it comes;
 * predictions are read back only for charts, at the sampled points. A
 * closed stdout ends the run at its next line (writeOut throws).
 */
async function runSession(
  network: Sequential,
  data: TrainingData,
  rng: NumpyRng | DefaultRng,
  sample: ChartSample | undefined,
  options: TrainOptions,
  divergence: DivergenceContext,
): Promise<{ final: EpochReport; frames: RegressionFrame[] }> {
  const stderr = process.stderr as WriteStream;
  const bar = stderr.isTTY && !options.json ? new ProgressBar(stderr, options.epochs) : undefined;
  const frames: RegressionFrame[] = [];
  const onInterval = async (report: EpochReport): Promise<void> => {
    bar?.clear();
    // The book prints only on the interval; an off-interval last epoch is still a frame and the final error.
    if (report.epoch % options.interval === 0) printReport(report, options);
    if (sample !== undefined && (options.gif !== undefined || report.last)) {
      frames.push({
        x: sample.x,
        target: sample.t,
        predictions: await network.predict(sample.x),
        epoch: report.epoch,
        epochs: options.epochs,
        error: report.error,
      });
    }
  };
  const session = new TrainingSession(network, data, {
    epochs: options.epochs,
    interval: options.interval,
    batchSize: options.batchSize,
    optimizer: new Sgd({ eta: options.eta }),
    rng,
  });
  let diverged: string | undefined;
  try {
    await session.run(undefined, {
      onInterval,
      onEpoch: (epoch) => bar?.update(epoch + 1, `epoch ${epoch + 1}/${options.epochs}`),
    });
  } catch (error) {
    if (!isNNError(error, 'NN_DIVERGED')) throw error;
    diverged = error.message;
  } finally {
    bar?.clear();
    session.dispose();
  }
  if (diverged !== undefined) throw await explainDivergence(divergence, diverged);
  return { final: session.lastReport as EpochReport, frames };
}

/**
 * The loss is taken before each update, so the last updates can leave the
 * weights non-finite with every reported error finite: check the weights
 * themselves before calling the run a success or saving anything.
 */
async function checkParameters(network: Sequential, divergence: DivergenceContext): Promise<void> {
  for (const parameter of network.parameters()) {
    const values = await network.backend.read(parameter.value);
    const bad = values.find((value) => !Number.isFinite(value));
    if (bad !== undefined) {
      throw await explainDivergence(
        divergence,
        `training diverged: the last updates made the weights ${bad}; lower the learning rate (eta), e.g. to a tenth, or scale the data`,
      );
    }
  }
}

function printReport(report: EpochReport, options: TrainOptions): void {
  if (options.json) {
    writeJson({ type: 'epoch', epoch: report.epoch, error: report.error });
  } else {
    writeOut(`Epoch:${report.epoch}/${options.epochs} Error:${formatPythonFloat(report.error)}\n`);
  }
}

/** The book's sin data, or x,y rows of a CSV file. */
async function readTrainingData(path: string | undefined): Promise<TrainingData> {
  if (path === undefined) {
    const { x, t } = textbookData();
    return { x: Float64Array.from(x), t: Float64Array.from(t) };
  }
  const { readCsv } = await import('../read-csv.js');
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
  writeOut(`${JSON.stringify(value)}\n`);
}
