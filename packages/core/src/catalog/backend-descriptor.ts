import type { Backend } from '../backend/backend.js';

/**
 * One choice a backend takes, such as cpu's precision or gpujs's mode. The
 * CLI makes a `--<name>` flag of it and the web app a choice per value.
 */
export interface BackendOptionSpec {
  /** The option's name, e.g. 'precision'; also the CLI flag (`--precision`). */
  readonly name: string;
  /**
   * Every value it takes, in the order help texts list them. A value 'auto'
   * (the backend choosing for itself, as gpujs's mode) only repeats another
   * setting: the apps' `auto` and the web page's select leave it out.
   */
  readonly values: readonly string[];
  readonly default: string;
  /** One line for help texts, e.g. 'float64 | float32 arithmetic'. */
  readonly help: string;
  /** Values that run only in Node or only in browsers (the rest run in both); pages leave out 'node' ones. */
  readonly runsIn?: Readonly<Record<string, 'node' | 'browser'>>;
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
  /** Anything else worth saying, e.g. which mode an 'auto' option falls back to, and why. */
  readonly note?: string;
  /**
   * How it measured against the cpu backend on this kind of device, where
   * it measured faster at some size; `auto` picks only such settings over cpu.
   */
  readonly speed?: MeasuredSpeed;
}

/** A measured crossover: from what workload a setting trains faster than cpu float64. */
export interface MeasuredSpeed {
  /** Multiply-adds per training step (batch × Σ fanIn·fanOut) from which it ran faster. */
  readonly fasterFrom: number;
  /** Its steps per second over cpu float64's at the largest workload measured (> 1). */
  readonly speedup: number;
  /** Where and when, for `auto`'s reason, e.g. 'Mesa llvmpipe on 2 EPYC cores, 2026-11-29'. */
  readonly measuredOn: string;
}

/** Where a backend is loaded, for backends that adapt to it. */
export interface BackendLoadContext {
  /**
   * On a page's main thread: run device work in slices of about this many
   * milliseconds, yielding between them where the backend can (gpujs does).
   */
  readonly sliceMs?: number;
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
  load(options?: BackendOptionValues, context?: BackendLoadContext): Promise<Backend>;
}
