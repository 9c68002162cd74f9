import { randomInt } from 'node:crypto';
import type { WriteStream } from 'node:tty';
import {
  type Backend,
  createNetwork,
  DefaultRng,
  EXAMPLES,
  type Example,
  type ExampleAccuracy,
  type ExampleReport,
  ExampleRun,
  isNNError,
  MAX_SEED,
  NumpyRng,
} from '@nn/core';
import type { CliError } from '../cli-error.js';
import type { DivergenceContext } from '../divergence.js';
import { type ExampleData, readExampleData } from '../example-data.js';
import { loadBackend } from '../load-backend.js';
import { checkBatchSize } from '../network-size.js';
import { ProgressBar } from '../progress-bar.js';
import { formatPythonFloat } from '../python-float.js';
import { writeErr, writeOut } from '../stdio.js';
import type { TrainOptions } from '../train-options.js';
import type { FrameRecorder } from '../train-pictures.js';

/** `nn train`: one of the book's examples and its knobs; prints the book's lines or NDJSON, writes the outputs asked for. */
export async function train(options: TrainOptions): Promise<void> {
  const started = performance.now();
  // What reads and writes files, draws charts or explains a divergence loads only when needed.
  const files = usesFiles(options) ? await import('../train-outputs.js') : undefined;
  await files?.checkDistinctFiles(options);
  const outputs = await files?.prepareOutputs(options);
  const data = await readExampleData(options.example, options.data, options.standardize);
  const samples = data.train.t.length / data.outputs;
  checkBatchSize(options.batchSize, samples, options.hidden, data.inputs, data.outputs);
  const wantsPictures = options.gif !== undefined || options.png !== undefined;
  const pictures = wantsPictures ? await import('../train-pictures.js') : undefined;
  pictures?.checkPictures(options.example, data);

  const seed = options.seed ?? randomInt(0, MAX_SEED + 1);
  if (options.seed === undefined) {
    writeErr(`nn: seed ${seed} (pass --seed ${seed} to repeat this run)\n`);
  }
  if (data.classes !== undefined && !options.json) {
    writeErr(`nn: classes ${data.classes.map((label, i) => `${i}=${label}`).join(' ')}\n`);
  }
  const backend = await loadBackend(options.backend, {
    widths: [data.inputs, ...options.hidden, data.outputs],
    batchSize: options.batchSize,
  });
  const { fallbackReason } = backend.capabilities;
  if (fallbackReason !== undefined) {
    writeErr(`nn: ${backend.name} runs ${backend.capabilities.mode}: ${fallbackReason}\n`);
  }
  const example = exampleFor(options, data);
  const divergence: DivergenceContext = {
    // A fresh generator with the run's seed draws the same initial weights again.
    initialNetwork: (wbWidth) =>
      createNetwork(backend, { ...example.settings, rng: newRng(options, seed), wbWidth }),
    x: data.train.x,
    t: data.train.t,
    wbWidth: options.wbWidth,
    defaultWbWidth: EXAMPLES[options.example].settings.wbWidth,
    eta: options.eta,
    precision: backend.capabilities.precision,
  };
  let run: ExampleRun | undefined;
  try {
    run = newRun(backend, example, options, data, seed);
    const recorder = await pictures?.frameRecorder(options, data, run.network);
    const final = await runExample(run, recorder, options, divergence);
    await checkParameters(run, divergence);
    const accuracy = options.example === 'regression' ? undefined : await run.accuracy();
    if (accuracy !== undefined && !options.json && example.settings.report === 'evaluation') {
      printAccuracy(accuracy);
    }
    if (files !== undefined && outputs !== undefined) {
      await files.writeOutputs(run.network, recorder?.pictures(accuracy), outputs);
    }
    if (options.json) {
      writeJson({
        type: 'done',
        example: options.example,
        epochs: options.epochs,
        error: final.error,
        ...(final.test !== undefined && { test: final.test }),
        ...(accuracy !== undefined && { accuracy }),
        ...(data.classes !== undefined && { classes: data.classes }),
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
    run?.dispose();
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

/** The example with every knob applied, and the inputs and classes of --data. */
function exampleFor(options: TrainOptions, data: ExampleData): Example {
  const book = EXAMPLES[options.example];
  return {
    ...book,
    settings: {
      ...book.settings,
      inputs: data.inputs,
      outputs: data.outputs,
      hidden: options.hidden,
      activation: options.activation,
      optimizer: options.optimizer,
      eta: options.eta,
      epochs: options.epochs,
      interval: options.interval,
      batchSize: options.batchSize,
      wbWidth: options.wbWidth,
      dropout: options.dropout,
    },
  };
}

function newRun(
  backend: Backend,
  example: Example,
  options: TrainOptions,
  data: ExampleData,
  seed: number,
): ExampleRun {
  return new ExampleRun(backend, example, {
    rng: newRng(options, seed),
    data: { train: data.train, ...(data.test !== undefined && { test: data.test }) },
  });
}

/**
 * Trains, printing each of the book's lines as it comes; predictions are
 * read back only for pictures. A closed stdout ends the run at its next
 * line (writeOut throws).
 */
async function runExample(
  run: ExampleRun,
  recorder: FrameRecorder | undefined,
  options: TrainOptions,
  divergence: DivergenceContext,
): Promise<ExampleReport> {
  const stderr = process.stderr as WriteStream;
  const bar = stderr.isTTY && !options.json ? new ProgressBar(stderr, options.epochs) : undefined;
  let final: ExampleReport | undefined;
  const onReport = async (report: ExampleReport): Promise<void> => {
    bar?.clear();
    final = report;
    // The book prints only on the interval; an off-interval last epoch is still a frame and the final error.
    if (report.epoch % options.interval === 0) printReport(report, options);
    await recorder?.record(report);
  };
  let diverged: string | undefined;
  try {
    await run.run(undefined, {
      onReport,
      onEpoch: (epoch) => bar?.update(epoch + 1, `epoch ${epoch + 1}/${options.epochs}`),
    });
  } catch (error) {
    if (!isNNError(error, 'NN_DIVERGED')) throw error;
    diverged = error.message;
  } finally {
    bar?.clear();
  }
  if (diverged !== undefined) throw await explainDivergence(divergence, diverged);
  return final as ExampleReport;
}

/**
 * The loss is taken before each update, so the last updates can leave the
 * weights non-finite with every reported error finite: check the weights
 * themselves before calling the run a success or saving anything.
 */
async function checkParameters(run: ExampleRun, divergence: DivergenceContext): Promise<void> {
  for (const parameter of run.network.parameters()) {
    const values = await run.network.backend.read(parameter.value);
    const bad = values.find((value) => !Number.isFinite(value));
    if (bad !== undefined) {
      throw await explainDivergence(
        divergence,
        `training diverged: the last updates made the weights ${bad}; lower the learning rate (eta), e.g. to a tenth, or scale the data`,
      );
    }
  }
}

/** The book's lines: `Epoch:i/N Error:e`, or with a test set `Epoch:i/N Error_train:e Error_test:e`. */
function printReport(report: ExampleReport, options: TrainOptions): void {
  const { epoch, error, test } = report;
  if (options.json) {
    writeJson(
      test === undefined && options.example !== 'iris'
        ? { type: 'epoch', epoch, error }
        : { type: 'epoch', epoch, train: error, ...(test !== undefined && { test }) },
    );
  } else if (test === undefined && options.example !== 'iris') {
    writeOut(`Epoch:${epoch}/${options.epochs} Error:${formatPythonFloat(error)}\n`);
  } else {
    const tested = test === undefined ? '' : ` Error_test:${formatPythonFloat(test)}`;
    writeOut(`Epoch:${epoch}/${options.epochs} Error_train:${formatPythonFloat(error)}${tested}\n`);
  }
}

/** The book's closing line: Python's str() of count / n * 100, then "%". */
function printAccuracy(accuracy: ExampleAccuracy): void {
  const test =
    accuracy.test === undefined ? '' : ` Accuracy Test: ${formatPythonFloat(accuracy.test)}%`;
  writeOut(`Accuracy Train: ${formatPythonFloat(accuracy.train)}%${test}\n`);
}

function writeJson(value: object): void {
  writeOut(`${JSON.stringify(value)}\n`);
}
