import {
  EXAMPLES,
  type ExampleName,
  gifFrames,
  type HiddenActivation,
  MAX_GIF_FRAMES,
  type OptimizerKind,
  type RngKind,
} from '@nn/core';
import {
  type BackendChoice,
  backendFlags,
  catalogFor,
  readBackendChoice,
} from './backend-choice.js';
import { type FlagName, MAX_WIDTH, parseOptions, readFlag } from './flag-table.js';
import { FlagValues } from './flag-values.js';
import { formatCount, MAX_PARAMETERS, parameterCount, widestThatFits } from './network-size.js';
import { parseFlags } from './parse-flags.js';
import { quote } from './quote.js';

/** `nn train`'s own flags, in the table's terms; the backend's come from the catalog. */
export const TRAIN_FLAGS = [
  'example',
  'hidden',
  'activation',
  'eta',
  'epochs',
  'interval',
  'batch-size',
  'wb-width',
  'optimizer',
  'dropout',
  'standardize',
  'seed',
  'rng',
  'data',
  'gif',
  'png',
  'save',
  'json',
  'verbose',
] as const satisfies readonly FlagName[];

export interface TrainOptions {
  example: ExampleName;
  hidden: number[];
  activation: HiddenActivation;
  eta: number;
  epochs: number;
  interval: number;
  batchSize: number;
  wbWidth: number;
  optimizer: OptimizerKind;
  /** Dropout ratio after each hidden layer; 0: none. */
  dropout: number;
  /** Standardise the --data features per column (the book does it to Iris). */
  standardize: boolean;
  /** Undefined: pick one at random and report it. */
  seed: number | undefined;
  rng: RngKind;
  backend: BackendChoice;
  data: string | undefined;
  gif: string | undefined;
  png: string | undefined;
  save: string | undefined;
  json: boolean;
}

/** Parses and checks every `nn train` flag before anything is loaded or trained. */
export async function readTrainOptions(args: string[]): Promise<TrainOptions> {
  const catalog = await catalogFor(args);
  const values = parseFlags('train', args, {
    ...parseOptions(TRAIN_FLAGS),
    ...backendFlags(catalog),
  }) as Record<string, string | boolean | undefined>;
  const flags = new FlagValues('train');
  const text = (name: FlagName) => values[name] as string | undefined;
  const example = readFlag(flags, 'example', text('example') ?? 'regression') as ExampleName;
  // Every default is the example's setting in core's EXAMPLES: a flag left out is the book's value.
  const book = EXAMPLES[example].settings;
  const read = <T>(name: FlagName, fallback: string | number): T =>
    readFlag(flags, name, text(name) ?? String(fallback)) as T;
  const hiddenText = text('hidden') ?? book.hidden.join(',');
  const seed = text('seed');
  const options: TrainOptions = {
    example,
    hidden: readFlag(flags, 'hidden', hiddenText) as number[],
    activation: read('activation', book.activation),
    eta: read('eta', book.eta),
    epochs: read('epochs', book.epochs),
    interval: read('interval', book.interval),
    batchSize: read('batch-size', book.batchSize),
    wbWidth: read('wb-width', book.wbWidth),
    optimizer: read('optimizer', book.optimizer),
    dropout: read('dropout', book.dropout),
    standardize: values.standardize === true,
    seed: seed === undefined ? undefined : (readFlag(flags, 'seed', seed) as number),
    rng: read('rng', 'default'),
    backend: readBackendChoice(flags, values, catalog),
    data: text('data'),
    gif: text('gif'),
    png: text('png'),
    save: text('save'),
    json: values.json === true,
  };
  for (const flag of ['data', 'gif', 'png', 'save'] as const) {
    if (options[flag] === '') throw flags.fail(`--${flag} needs a file name`);
  }
  if (options.standardize && (options.example === 'regression' || options.data === undefined)) {
    throw flags.fail(
      '--standardize scales the features of --data for --example classification or iris',
    );
  }
  checkNetworkSize(flags, hiddenText, [book.inputs, ...options.hidden, book.outputs]);
  if (options.gif !== undefined) {
    const frames = gifFrames(options.epochs, options.interval);
    if (frames > MAX_GIF_FRAMES) {
      const interval = Math.ceil(options.epochs / MAX_GIF_FRAMES);
      throw flags.fail(
        `--gif would hold ${frames} frames (one per --interval epochs); at most ${MAX_GIF_FRAMES}: use --interval ${interval} or more`,
      );
    }
  }
  return options;
}

/** The whole network, not only each layer, must fit: say how wide layers this deep may be. */
function checkNetworkSize(flags: FlagValues, text: string, widths: number[]): void {
  const count = parameterCount(widths);
  if (count <= MAX_PARAMETERS) return;
  const layers = widths.length - 2;
  const widest = widestThatFits(layers, MAX_WIDTH, widths[0], widths.at(-1));
  const fits =
    widest >= 1
      ? `${layers} hidden layer${layers === 1 ? '' : 's'} of up to ${widest} units do`
      : 'use fewer layers';
  throw flags.fail(
    `--hidden ${quote(text)} makes a network of ${formatCount(count)} parameters; at most ${formatCount(MAX_PARAMETERS)} fit in memory: ${fits}`,
  );
}
