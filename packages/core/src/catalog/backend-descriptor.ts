import type { Backend } from '../backend/backend.js';

/**
 * One choice a backend takes, such as cpu's precision or gpujs's mode. The
 * CLI makes a `--<name>` flag of it and the web app a choice per value.
 */
export interface BackendOptionSpec {
  /** The option's name, e.g. 'precision'; also the CLI flag (`--precision`). */
  readonly name: string;
  /** Every value it takes, in the order help texts list them. */
  readonly values: readonly string[];
  readonly default: string;
  /** One line for help texts, e.g. 'float64 | float32 arithmetic'. */
  readonly help: string;
}

/** Option name → value, for `load` and `probe`; missing names take their default. */
export type BackendOptionValues = Readonly<Record<string, string>>;

/** Whether a backend (in one option setting) runs here, and if not, why. */
export interface BackendProbe {
  readonly available: boolean;
  /** Why it cannot run, and what to install or set so it can. */
  readonly reason?: string;
  /**
   * What it would run on, where that matters for speed, e.g. the GL renderer
   * string. `software` is true for a software rasteriser (Mesa llvmpipe,
   * SwiftShader), which `auto` avoids below the measured crossover.
   */
  readonly device?: string;
  readonly software?: boolean;
}

/**
 * What a backend package exports for the apps' catalog, importable without
 * loading the backend's heavy code: `load` imports it when asked.
 */
export interface BackendDescriptor {
  /** Short id used by `--backend` and in URLs, e.g. 'cpu'. */
  readonly id: string;
  /** The npm package that exports this descriptor, e.g. '@nn/backend-cpu'. */
  readonly packageName: string;
  /** A one-line human name, e.g. 'typed arrays on the CPU'. */
  readonly label: string;
  /** What it needs to run, for help texts, e.g. 'a GL context (headless-gl or a browser)'. */
  readonly needs: string;
  readonly options: readonly BackendOptionSpec[];
  /** Whether it can run here with `options`, without keeping anything started. */
  probe(options?: BackendOptionValues): Promise<BackendProbe>;
  /** Imports the backend's code and starts it. */
  load(options?: BackendOptionValues): Promise<Backend>;
}
