import { MAX_CHART_POINTS, type Sequential, toModelJSON } from '@nn/core';
import type { ErrorCurvesFrame } from '@nn/viz';
import { UsageError } from './cli-error.js';
import { type OutputTarget, prepareOutput, writeOutput } from './output-file.js';
import { fileKey } from './resolve-path.js';
import type { TrainOptions } from './train-options.js';
import type { Pictures } from './train-pictures.js';

export interface TrainOutputs {
  save: OutputTarget | undefined;
  gif: OutputTarget | undefined;
  png: OutputTarget | undefined;
}

/**
 * Refuses, before anything is read or trained, two flags that name one file
 * once symlinks and relative paths are resolved: an output over the data, or
 * two outputs over each other.
 */
export async function checkDistinctFiles(options: TrainOptions): Promise<void> {
  const seen = new Map<string, string>();
  for (const flag of ['data', 'gif', 'png', 'save'] as const) {
    const path = options[flag];
    if (path === undefined) continue;
    const key = await fileKey(path);
    const other = seen.get(key);
    if (other !== undefined) {
      throw new UsageError(
        `--${flag} ${path} is the same file as ${other}; name different files`,
        'train',
      );
    }
    seen.set(key, `--${flag} ${path}`);
  }
}

/** Checks every output before training, so a long run never ends on an unwritable path. */
export async function prepareOutputs(options: TrainOptions): Promise<TrainOutputs> {
  const prepare = (flag: string, path: string | undefined) =>
    path === undefined ? undefined : prepareOutput(flag, path);
  return {
    save: await prepare('--save', options.save),
    gif: await prepare('--gif', options.gif),
    png: await prepare('--png', options.png),
  };
}

/**
 * The model first: it is what the run was for, and drawing a chart is the
 * step that may still run out of memory. The chart code loads only here.
 */
export async function writeOutputs(
  network: Sequential,
  pictures: Pictures | undefined,
  outputs: TrainOutputs,
): Promise<void> {
  if (outputs.save !== undefined) {
    await writeOutput(outputs.save, `${JSON.stringify(await toModelJSON(network), null, 2)}\n`);
  }
  if (pictures === undefined) return;
  const { gif, png } = await render(pictures);
  if (outputs.gif !== undefined) await writeOutput(outputs.gif, gif());
  // The last frame is the end of training whether or not a GIF was drawn.
  if (outputs.png !== undefined) await writeOutput(outputs.png, png());
}

async function render(pictures: Pictures): Promise<{ gif(): Uint8Array; png(): Uint8Array }> {
  const viz = await import('@nn/viz/node');
  switch (pictures.kind) {
    case 'regression': {
      const { frames } = pictures;
      return {
        gif: () => viz.renderRegressionGif(frames),
        png: () => viz.renderRegressionPng(frames.at(-1) as (typeof frames)[number]),
      };
    }
    case 'classification': {
      const { frames } = pictures;
      return {
        gif: () => viz.renderClassificationGif(frames),
        png: () => viz.renderClassificationPng(frames.at(-1) as (typeof frames)[number]),
      };
    }
    case 'error-curves': {
      const { growErrorCurves } = await import('@nn/viz');
      const final = thinCurves(pictures.final);
      return {
        gif: () => viz.renderErrorCurvesGif(growErrorCurves(final)),
        png: () => viz.renderErrorCurvesPng(final),
      };
    }
  }
}

/** At most MAX_CHART_POINTS reported epochs, evenly spaced, the last kept: a chart shows no more. */
function thinCurves(frame: ErrorCurvesFrame): ErrorCurvesFrame {
  const n = frame.epochs.length;
  if (n <= MAX_CHART_POINTS) return frame;
  const rows = Array.from({ length: MAX_CHART_POINTS }, (_, k) =>
    Math.round((k * (n - 1)) / (MAX_CHART_POINTS - 1)),
  );
  const pick = (values: ArrayLike<number>) => rows.map((row) => values[row] as number);
  return {
    ...frame,
    epochs: pick(frame.epochs),
    train: pick(frame.train),
    ...(frame.test !== undefined && { test: pick(frame.test) }),
  };
}
