import type { Sequential } from '../layers/sequential.js';
import {
  type Dataset,
  type EpochReport,
  type SessionOptions,
  type TrainingHooks,
  TrainingSession,
} from './training-session.js';

export type FitOptions = Omit<SessionOptions, 'startEpoch'> & TrainingHooks;

export interface FitResult {
  reports: EpochReport[];
}

/** Trains `network` on `data` for options.epochs in one call: a session run to its end, then freed. */
export async function fit<S>(
  network: Sequential<S>,
  data: Dataset,
  options: FitOptions,
): Promise<FitResult> {
  const session = new TrainingSession(network, data, options);
  try {
    return { reports: await session.run(undefined, options) };
  } finally {
    session.dispose();
  }
}
