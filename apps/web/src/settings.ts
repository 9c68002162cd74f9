/**
 * The backends the page offers: cpu in either precision, gpu.js in one of its
 * browser modes (webgpu only where the browser offers WebGPU).
 */
export const BACKEND_IDS = [
  'cpu-float64',
  'cpu-float32',
  'gpujs-webgpu',
  'gpujs-webgl2',
  'gpujs-webgl',
  'gpujs-webasm',
  'gpujs-cpu',
] as const;
export type BackendId = (typeof BACKEND_IDS)[number];

export const ACTIVATION_CHOICES = ['sigmoid', 'tanh', 'relu'] as const;
export type ActivationChoice = (typeof ACTIVATION_CHOICES)[number];

export const RNG_CHOICES = ['numpy', 'default'] as const;
export type RngChoice = (typeof RNG_CHOICES)[number];

export const MAX_SEED = 4294967295;

/** Everything that decides a run; it lives in the URL so a run can be shared and repeated. */
export interface Settings {
  hidden: number[];
  activation: ActivationChoice;
  eta: number;
  epochs: number;
  interval: number;
  batchSize: number;
  seed: number;
  rng: RngChoice;
  backend: BackendId;
}

/** The book's run; numpy rng with seed 0 matches np.random.seed(0) in the book's Python. */
export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  hidden: [3],
  activation: 'sigmoid',
  eta: 0.1,
  epochs: 2001,
  interval: 200,
  batchSize: 1,
  seed: 0,
  rng: 'numpy',
  backend: 'cpu-float64',
});

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
 * Reads settings from text, keeping the default for anything missing and
 * reporting (not throwing on) anything malformed, so a bad shared link
 * still opens a working page.
 */
export function parseSettings(text: SettingsText): ParsedSettings {
  const problems: SettingProblem[] = [];
  const settings: Settings = { ...DEFAULT_SETTINGS, hidden: [...DEFAULT_SETTINGS.hidden] };
  const read = <K extends keyof Settings>(key: K, parse: (raw: string) => Settings[K]): void => {
    const raw = text[key];
    if (raw === undefined || raw.trim() === '') return;
    try {
      settings[key] = parse(raw.trim());
    } catch (error) {
      problems.push({ key, message: (error as Error).message });
    }
  };
  read('hidden', parseHidden);
  read('activation', (raw) => oneOf('activation', raw, ACTIVATION_CHOICES));
  read('eta', (raw) => positive('eta', raw));
  read('epochs', (raw) => whole('epochs', raw, 1, MAX_EPOCHS));
  read('interval', (raw) => whole('interval', raw, 1, MAX_EPOCHS));
  read('batchSize', (raw) => whole('batch size', raw, 1, 100_000));
  read('seed', (raw) => whole('seed', raw, 0, MAX_SEED));
  read('rng', (raw) => oneOf('rng', raw, RNG_CHOICES));
  read('backend', (raw) => oneOf('backend', raw, BACKEND_IDS));
  return { settings, problems };
}

/** URL query keys: short, stable, and the same as the CLI's flags where there is one. */
const QUERY_KEYS: Record<keyof Settings, string> = {
  hidden: 'hidden',
  activation: 'activation',
  eta: 'eta',
  epochs: 'epochs',
  interval: 'interval',
  batchSize: 'batch-size',
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

function oneOf<T extends string>(name: string, raw: string, choices: readonly T[]): T {
  if (!(choices as readonly string[]).includes(raw)) {
    throw new RangeError(`${name}: "${raw}" is not one of ${choices.join(', ')}`);
  }
  return raw as T;
}
