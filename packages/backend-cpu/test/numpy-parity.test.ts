import { readdirSync, readFileSync } from 'node:fs';
import {
  createRegressionNetwork,
  fit,
  NumpyRng,
  Sgd,
  TEXTBOOK,
  textbookData,
  toModelJSON,
} from '@nn/core';
import { describe, expect, it } from 'vitest';
import { createCpuBackend } from '../src/index.js';

// Fixtures made by `bash tools/fixtures/make-fixtures.sh` from the book's NumPy code.
const fixtureDir = new URL('../../core/test/fixtures/', import.meta.url);
const fixtures = readdirSync(fixtureDir).filter((f) => f.endsWith('.json'));

interface Fixture {
  args: {
    seed: number;
    n_mid: number;
    eta: number;
    epoch: number;
    interval: number;
    wb_width: number;
  };
  errors: { epoch: number; error: number }[];
  final: Record<string, number[] | number[][]>;
}

describe('float64 cpu reproduces the NumPy reference script', () => {
  it.each(fixtures)('%s: every printed error within 1e-9 relative', async (file) => {
    const fixture = JSON.parse(readFileSync(new URL(file, fixtureDir), 'utf8')) as Fixture;
    const { args } = fixture;
    const backend = createCpuBackend();
    const rng = new NumpyRng(args.seed);
    const network = createRegressionNetwork(backend, {
      hidden: [args.n_mid],
      activation: TEXTBOOK.activation,
      rng,
      wbWidth: args.wb_width,
    });
    const { reports } = await fit(network, textbookData(), {
      epochs: args.epoch,
      interval: args.interval,
      optimizer: new Sgd({ eta: args.eta }),
      rng,
    });
    expect(reports.map((r) => r.epoch)).toEqual(fixture.errors.map((e) => e.epoch));
    reports.forEach((report, i) => {
      const expected = (fixture.errors[i] as { error: number }).error;
      expect(Math.abs(report.error - expected) / expected).toBeLessThan(1e-9);
    });
    const model = await toModelJSON(network);
    const finalWeights = model.layers[1]?.weights.flat() ?? [];
    (fixture.final.output_w as number[][]).flat().forEach((w, i) => {
      expect(finalWeights[i]).toBeCloseTo(w, 9);
    });
    network.dispose();
    expect(backend.memory().tensors).toBe(0);
  });
});
