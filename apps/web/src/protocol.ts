import type { ModelJSON } from '@nn/core';
import { BACKEND_IDS, type BackendId, type Settings } from './settings.js';

/** What the page asks of the trainer (in the worker, or on the main thread where it must). */
export type TrainerRequest =
  /** Starts over: a fresh network from the seed, epoch 0. */
  | { type: 'configure'; settings: Settings; data: { x: Float64Array; t: Float64Array } }
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
}

/** A reported epoch (every interval, and the last): a point of the error chart and a GIF frame. */
export interface IntervalReport {
  epoch: number;
  error: number;
  predictions: Float64Array;
}

/** What the trainer tells the page. */
export type TrainerEvent =
  | { type: 'backend'; info: BackendInfo }
  | { type: 'status'; status: TrainerStatus }
  /** After every slice of epochs: `epoch` epochs are done; `error` is the last reported epoch's. */
  | {
      type: 'progress';
      epoch: number;
      error: number | null;
      predictions: Float64Array | null;
      trainingMs: number;
    }
  | { type: 'report'; report: IntervalReport }
  | { type: 'model'; model: ModelJSON }
  /** A model was imported: the settings that now describe the network. */
  | { type: 'imported'; hidden: number[]; activation: string }
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
      const data = message.data as Record<string, unknown> | null | undefined;
      return (
        typeof message.settings === 'object' &&
        message.settings !== null &&
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
