import {
  EXAMPLE_NAMES,
  EXAMPLES,
  type ExampleName,
  HIDDEN_ACTIVATIONS,
  type HiddenActivation,
  MAX_SEED,
  OPTIMIZERS,
  type OptimizerKind,
  RNG_KINDS,
  type RngKind,
} from '@nn/core';
import { AUTO, BACKEND_IDS, type BackendId } from './backend-catalog.js';

export { BACKEND_IDS, type BackendId };

/** Everything that decides a run; it lives in the URL so a run can be shared and repeated. */
export interface Settings {
  example: ExampleName;
  hidden: number[];
  activation: HiddenActivation;
  optimizer: OptimizerKind;
  eta: number;
  epochs: number;
  interval: number;
  batchSize: number;
  wbWidth: number;
  /** The book's dropout after each hidden layer: the ratio of units dropped, 0 ≤ r < 1. */
  dropout: number;
  seed: number;
  rng: RngKind;
  backend: BackendId;
}

/** What a run keeps when the example changes: how it draws its numbers and where it runs. */
export type RunChoices = Pick<Settings, 'seed' | 'rng' | 'backend'>;

const DEFAULT_RUN_CHOICES: Readonly<RunChoices> = { seed: 0, rng: 'numpy', backend: AUTO };

/**
 * The example's own settings, the book's, from core's EXAMPLES; numpy rng
 * with seed 0 matches np.random.seed(0) in the book's Python.
 */
export function defaultSettings(
  example: ExampleName,
  choices: RunChoices = DEFAULT_RUN_CHOICES,
): Settings {
  const book = EXAMPLES[example].settings;
  return {
    example,
    hidden: [...book.hidden],
    activation: oneOf('activation', book.activation, HIDDEN_ACTIVATIONS),
    optimizer: book.optimizer,
    eta: book.eta,
    epochs: book.epochs,
    interval: book.interval,
    batchSize: book.batchSize,
    wbWidth: book.wbWidth,
    dropout: book.dropout,
    seed: choices.seed,
    rng: choices.rng,
    backend: choices.backend,
  };
}

/** The book's first run, the sin regression: what an empty link opens. */
export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze(defaultSettings('regression'));

/** A setting that could not be read, and why; the page shows these next to its control. */
export interface SettingProblem {
  key: keyof Settings;
  message: string;
}

export interface ParsedSettings {
  settings: Settings;
  problems: SettingProblem[];
}

/** The raw text of each setting, as in a form or a URL query. */
export type SettingsText = Partial<Record<keyof Settings, string>>;

export const MAX_WIDTH = 256;
export const MAX_LAYERS = 8;
const MAX_EPOCHS = 1_000_000;

/**
 * Reads settings from text: the example first, whose book values are the
 * defaults; anything missing keeps its default, and anything malformed keeps
 * it too and is reported (not thrown), so a bad shared link still opens a
 * working page.
 */
export function parseSettings(text: SettingsText): ParsedSettings {
  const problems: SettingProblem[] = [];
  const read = <K extends keyof Settings>(
    key: K,
    parse: (raw: string) => Settings[K],
  ): Settings[K] | undefined => {
    const raw = text[key];
    if (raw === undefined || raw.trim() === '') return undefined;
    try {
      return parse(raw.trim());
    } catch (error) {
      problems.push({ key, message: (error as Error).message });
      return undefined;
    }
  };
  const example = read('example', (raw) => oneOf('example', raw, EXAMPLE_NAMES));
  const settings = defaultSettings(example ?? 'regression');
  const set = <K extends keyof Settings>(key: K, parse: (raw: string) => Settings[K]): void => {
    const value = read(key, parse);
    if (value !== undefined) settings[key] = value;
  };
  set('hidden', parseHidden);
  set('activation', (raw) => oneOf('activation', raw, HIDDEN_ACTIVATIONS));
  set('optimizer', (raw) => oneOf('optimizer', raw, OPTIMIZERS));
  set('eta', (raw) => positive('eta', raw));
  set('epochs', (raw) => whole('epochs', raw, 1, MAX_EPOCHS));
  set('interval', (raw) => whole('interval', raw, 1, MAX_EPOCHS));
  set('batchSize', (raw) => whole('batch size', raw, 1, 100_000));
  set('wbWidth', (raw) => positive('initial weight width', raw));
  set('dropout', (raw) => fraction('dropout', raw));
  set('seed', (raw) => whole('seed', raw, 0, MAX_SEED));
  set('rng', (raw) => oneOf('rng', raw, RNG_KINDS));
  set('backend', (raw) => oneOf('backend', raw, BACKEND_IDS));
  return { settings, problems };
}

/** URL query keys: short, stable, and the same as the CLI's flags where there is one. */
const QUERY_KEYS: Record<keyof Settings, string> = {
  example: 'example',
  hidden: 'hidden',
  activation: 'activation',
  optimizer: 'optimizer',
  eta: 'eta',
  epochs: 'epochs',
  interval: 'interval',
  batchSize: 'batch-size',
  wbWidth: 'wb-width',
  dropout: 'dropout',
  seed: 'seed',
  rng: 'rng',
  backend: 'backend',
};

export function settingsFromQuery(query: URLSearchParams): ParsedSettings {
  const text: SettingsText = {};
  for (const [key, name] of Object.entries(QUERY_KEYS) as [keyof Settings, string][]) {
    const value = query.get(name);
    if (value !== null) text[key] = value;
  }
  return parseSettings(text);
}

/** Every setting, in a fixed order, so equal settings give equal URLs. */
export function settingsToQuery(settings: Settings): URLSearchParams {
  const query = new URLSearchParams();
  for (const [key, name] of Object.entries(QUERY_KEYS) as [keyof Settings, string][]) {
    query.set(name, formatSetting(settings, key));
  }
  return query;
}

export function formatSetting(settings: Settings, key: keyof Settings): string {
  const value = settings[key];
  return Array.isArray(value) ? value.join(',') : String(value);
}

function parseHidden(raw: string): number[] {
  const widths = raw
    .split(',')
    .map((part) => whole('hidden layer width', part.trim(), 1, MAX_WIDTH));
  if (widths.length > MAX_LAYERS) {
    throw new RangeError(`hidden: at most ${MAX_LAYERS} layers, e.g. 3 or 8,8`);
  }
  return widths;
}

function whole(name: string, raw: string, min: number, max: number): number {
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(value) || value < min || value > max) {
    throw new RangeError(`${name}: "${raw}" is not a whole number from ${min} to ${max}`);
  }
  return value;
}

function positive(name: string, raw: string): number {
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) {
    throw new RangeError(`${name}: "${raw}" is not a number above 0`);
  }
  return value;
}

function fraction(name: string, raw: string): number {
  const value = Number(raw);
  if (raw === '' || !(value >= 0 && value < 1)) {
    throw new RangeError(`${name}: "${raw}" is not a number from 0 up to, not including, 1`);
  }
  return value;
}

function oneOf<T extends string>(name: string, raw: string, choices: readonly T[]): T {
  if (!(choices as readonly string[]).includes(raw)) {
    throw new RangeError(`${name}: "${raw}" is not one of ${choices.join(', ')}`);
  }
  return raw as T;
}
