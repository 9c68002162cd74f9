import {
  EXAMPLE_NAMES,
  EXAMPLES,
  type ExampleName,
  OPTIMIZERS,
  type OptimizerKind,
} from '@nn/core';
import { BACKEND_FLAGS, type BackendChoice, readBackendChoice } from './backend-choice.js';
import { FlagValues } from './flag-values.js';
import { formatCount, MAX_PARAMETERS, parameterCount, widestThatFits } from './network-size.js';
import { parseFlags } from './parse-flags.js';
import { quote } from './quote.js';

export const ACTIVATION_CHOICES = ['sigmoid', 'tanh', 'relu'] as const;
export const RNG_CHOICES = ['default', 'numpy'] as const;
export const MAX_SEED = 4294967295;
/** Past this a GIF takes long to draw and is too big to share. */
export const MAX_GIF_FRAMES = 500;
/** The widest hidden layer. */
export const MAX_WIDTH = 4096;

export interface TrainOptions {
  example: ExampleName;
  hidden: number[];
  activation: (typeof ACTIVATION_CHOICES)[number];
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
  rng: (typeof RNG_CHOICES)[number];
  backend: BackendChoice;
  data: string | undefined;
  gif: string | undefined;
  png: string | undefined;
  save: string | undefined;
  json: boolean;
}

/** Parses and checks every `nn train` flag before anything is loaded or trained. */
export function readTrainOptions(args: string[]): TrainOptions {
  const values = parseFlags('train', args, {
    example: { type: 'string' },
    hidden: { type: 'string' },
    activation: { type: 'string' },
    eta: { type: 'string' },
    epochs: { type: 'string' },
    interval: { type: 'string' },
    'batch-size': { type: 'string' },
    'wb-width': { type: 'string' },
    optimizer: { type: 'string' },
    dropout: { type: 'string' },
    standardize: { type: 'boolean' },
    seed: { type: 'string' },
    rng: { type: 'string' },
    ...BACKEND_FLAGS,
    data: { type: 'string' },
    gif: { type: 'string' },
    png: { type: 'string' },
    save: { type: 'string' },
    json: { type: 'boolean' },
    verbose: { type: 'boolean' },
  });
  const flags = new FlagValues('train');
  const example = flags.oneOf('--example', values.example ?? 'regression', EXAMPLE_NAMES);
  // Every default is the example's setting in core's EXAMPLES: a flag left out is the book's value.
  const book = EXAMPLES[example].settings;
  const whole = { integer: true, min: 1 };
  const positive = { above: 0 };
  const hiddenText = values.hidden ?? book.hidden.join(',');
  const options: TrainOptions = {
    example,
    hidden: flags.numbers('--hidden', hiddenText, { ...whole, max: MAX_WIDTH }),
    activation: flags.oneOf(
      '--activation',
      values.activation ?? book.activation,
      ACTIVATION_CHOICES,
    ),
    eta: flags.number('--eta', values.eta ?? String(book.eta), positive),
    epochs: flags.number('--epochs', values.epochs ?? String(book.epochs), whole),
    interval: flags.number('--interval', values.interval ?? String(book.interval), whole),
    batchSize: flags.number('--batch-size', values['batch-size'] ?? String(book.batchSize), whole),
    wbWidth: flags.number('--wb-width', values['wb-width'] ?? String(book.wbWidth), positive),
    optimizer: flags.oneOf('--optimizer', values.optimizer ?? book.optimizer, OPTIMIZERS),
    dropout: flags.number('--dropout', values.dropout ?? String(book.dropout), {
      min: 0,
      below: 1,
    }),
    standardize: values.standardize ?? false,
    seed:
      values.seed === undefined
        ? undefined
        : flags.number('--seed', values.seed, { integer: true, min: 0, max: MAX_SEED }),
    rng: flags.oneOf('--rng', values.rng ?? 'default', RNG_CHOICES),
    backend: readBackendChoice(flags, values),
    data: values.data,
    gif: values.gif,
    png: values.png,
    save: values.save,
    json: values.json ?? false,
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

/** One frame per reported epoch: 0, interval, 2·interval, … and the last. */
function gifFrames(epochs: number, interval: number): number {
  const onInterval = Math.floor((epochs - 1) / interval) + 1;
  return (epochs - 1) % interval === 0 ? onInterval : onInterval + 1;
}
