import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { handWrittenTextbookRun, nnTextbookRun } from '../src/index.js';

// The NumPy script's run for seed 1 (bash tools/fixtures/make-fixtures.sh).
const fixture = JSON.parse(
  readFileSync(
    new URL('../../../packages/core/test/fixtures/numpy-seed1-mid3-eta0.1.json', import.meta.url),
    'utf8',
  ),
) as { errors: { epoch: number; error: number }[] };
const finalError = fixture.errors.at(-1)?.error as number;

describe('the benchmark compares runs that do the same math', () => {
  it('the hand-written loop ends at the NumPy script final error', () => {
    const error = handWrittenTextbookRun(1, 3, 0.1, 2001);
    expect(Math.abs(error - finalError) / finalError).toBeLessThan(1e-9);
  });

  it('the @nn run ends at the NumPy script final error', async () => {
    const error = await nnTextbookRun('float64', 1, 3, 0.1, 2001);
    expect(Math.abs(error - finalError) / finalError).toBeLessThan(1e-9);
  });
});
