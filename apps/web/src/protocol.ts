import type { ModelJSON } from '@nn/core';
import { BACKEND_IDS, type BackendId, type Settings } from './settings.js';

/** What the page asks of the trainer (in the worker, or on the main thread where it must). */
export type TrainerRequest =
  /**
   * Starts over: a fresh network from the seed, epoch 0, on the example's
   * data, or for the regression on `data` (a CSV's x,y pairs).
   */
  | { type: 'configure'; settings: Settings; data?: { x: Float64Array; t: Float64Array } }
  | { type: 'play' }
  | { type: 'pause' }
  /** Runs exactly one epoch, then pauses. */
  | { type: 'step' }
  /** Moves the network, as trained so far, onto another backend and goes on from the same epoch. */
  | { type: 'switch-backend'; backend: BackendId }
  | { type: 'export-model' }
  /** Model JSON text (the CLI's --save format); replaces the network, epoch 0. */
  | { type: 'import-model'; text: string };

export type TrainerStatus = 'ready' | 'running' | 'paused' | 'done';

export interface BackendInfo {
  id: BackendId;
  name: string;
  mode: string;
  precision: string;
  /** Why another backend or mode runs than the one chosen. */
  fallbackReason?: string;
  /** With id 'auto': why auto chose this backend. */
  autoReason?: string;
}

/**
 * What the page draws of the network at one moment, made by one forward pass
 * in evaluation mode (network-views.ts). Confusion matrices are
 * classes × classes, [true · classes + predicted].
 */
export type NetworkView =
  /** The network's output at each x of the data. */
  | { example: 'regression'; predictions: Float64Array }
  | {
      example: 'classification';
      /** The two outputs at each of the data's points, row-major n × 2. */
      outputs: Float64Array;
      /** P(class 1) per cell of the SURFACE_CELLS² grid @nn/viz's surfaceInputs lists. */
      surface: Float32Array;
      confusion: { train: Int32Array };
    }
  | { example: 'iris'; confusion: { train: Int32Array; test: Int32Array } };

/**
 * A reported epoch: the error the book prints (and the test set's, for
 * examples measured on one), a point of the error chart; with the view
 * where a GIF frame shows the network (regression, classification).
 */
export interface IntervalReport {
  epoch: number;
  error: number;
  test?: number;
  view?: NetworkView;
}

/** What the trainer tells the page. */
export type TrainerEvent =
  | { type: 'backend'; info: BackendInfo }
  | { type: 'status'; status: TrainerStatus }
  /**
   * After every slice of epochs: `epoch` epochs are done; `error` and `test`
   * are the last reported epoch's; `view` when it is time to redraw.
   */
  | {
      type: 'progress';
      epoch: number;
      error: number | null;
      test: number | null;
      view: NetworkView | null;
      trainingMs: number;
    }
  | { type: 'report'; report: IntervalReport }
  | { type: 'model'; model: ModelJSON }
  /** A model was imported: the settings that now describe the run (its example, its architecture). */
  | { type: 'imported'; settings: Settings }
  | { type: 'failure'; code: string | null; message: string };

const SIMPLE_REQUESTS = new Set(['play', 'pause', 'step', 'export-model']);

/**
 * Checks a message received from the other side before acting on it; a
 * worker's onmessage can receive anything, and a bad message must not be
 * half-applied.
 */
export function isTrainerRequest(value: unknown): value is TrainerRequest {
  if (typeof value !== 'object' || value === null) return false;
  const message = value as Record<string, unknown>;
  if (typeof message.type !== 'string') return false;
  if (SIMPLE_REQUESTS.has(message.type)) return true;
  switch (message.type) {
    case 'configure': {
      if (typeof message.settings !== 'object' || message.settings === null) return false;
      if (message.data === undefined) return true;
      const data = message.data as Record<string, unknown> | null;
      return (
        typeof data === 'object' &&
        data !== null &&
        data.x instanceof Float64Array &&
        data.t instanceof Float64Array &&
        data.x.length === data.t.length
      );
    }
    case 'switch-backend':
      return (BACKEND_IDS as readonly unknown[]).includes(message.backend);
    case 'import-model':
      return typeof message.text === 'string';
    default:
      return false;
  }
}
