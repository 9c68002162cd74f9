import { type Sequential, toModelJSON } from '@nn/core';
import type { RegressionFrame } from '@nn/viz';
import { UsageError } from './cli-error.js';
import { type OutputTarget, prepareOutput, writeOutput } from './output-file.js';
import { fileKey } from './resolve-path.js';
import type { TrainOptions } from './train-options.js';

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
  frames: RegressionFrame[],
  outputs: TrainOutputs,
): Promise<void> {
  if (outputs.save !== undefined) {
    await writeOutput(outputs.save, `${JSON.stringify(await toModelJSON(network), null, 2)}\n`);
  }
  if (outputs.gif === undefined && outputs.png === undefined) return;
  const { renderRegressionGif, renderRegressionPng } = await import('@nn/viz/node');
  if (outputs.gif !== undefined) await writeOutput(outputs.gif, renderRegressionGif(frames));
  // The last frame is the final fit whether or not a GIF was drawn.
  if (outputs.png !== undefined) {
    await writeOutput(outputs.png, renderRegressionPng(frames.at(-1) as RegressionFrame));
  }
}
