import {
  EXAMPLES,
  ExampleRun,
  NumpyRng,
  TRAINING_PATHS,
  type TrainingPath,
  textbookData,
} from '@nn/core';
import { describe, expect, it } from 'vitest';
import { createGpujsBackend, type GpujsBackend, type GpujsStats } from '../src/index.js';
import { trainBookNetwork } from './train-book-network.js';

interface Snapshot {
  stats: GpujsStats;
  tensors: number;
}

/** Trains the book's network and snapshots the counters after each reported epoch. */
async function train(backend: GpujsBackend, epochs: number, interval: number, path: TrainingPath) {
  const snapshots: Snapshot[] = [];
  const reports = await trainBookNetwork(backend, {
    epochs,
    interval,
    path,
    onInterval: () => {
      snapshots.push({ stats: backend.stats(), tensors: backend.memory().tensors });
    },
  });
  return { reports, snapshots };
}

const MODES_AND_PATHS = (['headlessgl', 'webasm'] as const).flatMap((mode) =>
  TRAINING_PATHS.map((path) => [mode, path] as const),
);

describe.each(MODES_AND_PATHS)('gpujs %s in training, %s path', (mode, path) => {
  it('compiles nothing after the first epoch', async () => {
    const backend = createGpujsBackend({ mode });
    const { snapshots } = await train(backend, 30, 1, path);
    const first = snapshots[0] as Snapshot;
    expect(first.stats.compilations).toBeGreaterThan(0);
    for (const later of snapshots) expect(later.stats.compilations).toBe(first.stats.compilations);
    backend.destroy();
  });

  it('reads back from the device only at reported epochs', async () => {
    const backend = createGpujsBackend({ mode });
    const before = backend.stats().readbacks;
    const { reports } = await train(backend, 40, 10, path);
    const readbacks = backend.stats().readbacks - before;
    // GL modes read the loss only when reported; host-memory modes declare
    // syncRead, so fit also checks the loss at every other epoch (a copy).
    expect(readbacks).toBe(backend.capabilities.syncRead ? 40 : reports.length);
    backend.destroy();
  });
});

describe.each(MODES_AND_PATHS)('gpujs %s on the Iris example, %s path', (mode, path) => {
  it('with dropout and Adam (its corrections change every step) compiles nothing after the first epoch', async () => {
    const backend = createGpujsBackend({ mode });
    const run = new ExampleRun(backend, EXAMPLES.iris, {
      rng: new NumpyRng(1),
      optimizer: 'adam',
      dropout: 0.2,
      epochs: 6,
      interval: 1,
      path,
    });
    expect(run.session.path, 'the path the session took').toBe(path);
    const compilations: number[] = [];
    await run.run(undefined, {
      onEpoch: () => {
        compilations.push(backend.stats().compilations);
      },
    });
    run.dispose();
    expect(compilations).toHaveLength(6);
    expect(compilations[0]).toBeGreaterThan(0);
    expect(new Set(compilations).size).toBe(1);
    expect(backend.memory().tensors).toBe(0);
    backend.destroy();
  });
});

describe.each(TRAINING_PATHS)('gpujs headlessgl memory, %s path', (path) => {
  it('a 10,000-step run keeps its tensors from the first epoch and its GL textures from the second', async () => {
    const backend = createGpujsBackend({ mode: 'headlessgl' });
    const epochs = Math.ceil(10_000 / textbookData().samples);
    const { snapshots } = await train(backend, epochs, 1, path);
    expect(epochs * textbookData().samples).toBeGreaterThanOrEqual(10_000);
    const first = snapshots[0] as Snapshot;
    const second = snapshots[1] as Snapshot;
    // gpu.js hands a kernel's output texture to the tensor and renders the
    // next call into a new one, recycling released ones: its working set is
    // complete once every kernel has run twice, within the second epoch.
    for (const s of snapshots) expect(s.tensors).toBe(first.tensors);
    for (const s of snapshots.slice(1))
      expect(s.stats.liveTextures).toBe(second.stats.liveTextures);
    expect(backend.memory().tensors).toBe(0);
    backend.destroy();
  });
});

describe('gpujs headlessgl memory', () => {
  it('dispose deletes the GL textures of the tensors', () => {
    const backend = createGpujsBackend({ mode: 'headlessgl' });
    // Warm up: the fill kernel compiles; its output texture is shared with the last tensor it filled.
    backend.dispose(backend.tensor([16, 16]));
    const baseline = backend.stats().liveTextures;
    const tensors = Array.from({ length: 50 }, () => backend.tensor([16, 16]));
    expect(backend.stats().liveTextures).toBeGreaterThanOrEqual(baseline + 49);
    for (const t of tensors) backend.dispose(t);
    expect(backend.stats().liveTextures).toBe(baseline);
    backend.destroy();
  });
});
