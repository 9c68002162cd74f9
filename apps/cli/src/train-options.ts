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
  hidden: number[];
  activation: (typeof ACTIVATION_CHOICES)[number];
  eta: number;
  epochs: number;
  interval: number;
  batchSize: number;
  wbWidth: number;
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

// The textbook's settings (core's TEXTBOOK), repeated here so that reading
// flags, and with it --help and usage errors, loads nothing heavy.
const DEFAULTS = {
  hidden: '3',
  activation: 'sigmoid',
  eta: '0.1',
  epochs: '2001',
  interval: '200',
} as const;

/** Parses and checks every `nn train` flag before anything is loaded or trained. */
export function readTrainOptions(args: string[]): TrainOptions {
  const values = parseFlags('train', args, {
    hidden: { type: 'string' },
    activation: { type: 'string' },
    eta: { type: 'string' },
    epochs: { type: 'string' },
    interval: { type: 'string' },
    'batch-size': { type: 'string' },
    'wb-width': { type: 'string' },
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
  const whole = { integer: true, min: 1 };
  const positive = { above: 0 };
  const options: TrainOptions = {
    hidden: flags.numbers('--hidden', values.hidden ?? DEFAULTS.hidden, {
      ...whole,
      max: MAX_WIDTH,
    }),
    activation: flags.oneOf(
      '--activation',
      values.activation ?? DEFAULTS.activation,
      ACTIVATION_CHOICES,
    ),
    eta: flags.number('--eta', values.eta ?? DEFAULTS.eta, positive),
    epochs: flags.number('--epochs', values.epochs ?? DEFAULTS.epochs, whole),
    interval: flags.number('--interval', values.interval ?? DEFAULTS.interval, whole),
    batchSize: flags.number('--batch-size', values['batch-size'] ?? '1', whole),
    wbWidth: flags.number('--wb-width', values['wb-width'] ?? '0.01', positive),
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
  checkNetworkSize(flags, values.hidden ?? DEFAULTS.hidden, options.hidden);
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
function checkNetworkSize(flags: FlagValues, text: string, hidden: number[]): void {
  const count = parameterCount([1, ...hidden, 1]);
  if (count <= MAX_PARAMETERS) return;
  const layers = hidden.length;
  const widest = widestThatFits(layers, MAX_WIDTH);
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
