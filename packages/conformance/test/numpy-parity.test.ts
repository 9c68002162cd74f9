import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type BookFixture, replayBookFixture, reportedErrors } from '../src/book-fixtures.js';
import { createReferenceBackend } from '../src/reference-backend.js';

// Fixtures made by `bash tools/fixtures/make-fixtures.sh` from the book's NumPy code.
const fixtureDir = new URL('../../core/test/fixtures/', import.meta.url);
const fixtures = readdirSync(fixtureDir).filter(
  (f) => f.startsWith('classification-') || f.startsWith('iris-'),
);

describe('the float64 reference backend reproduces the book chapters’ NumPy scripts (kernel path)', () => {
  it.each(fixtures)(
    '%s: every printed error within 1e-9 relative, accuracies equal',
    async (file) => {
      const fixture = JSON.parse(readFileSync(new URL(file, fixtureDir), 'utf8')) as BookFixture;
      const { reports, accuracy, expected } = await replayBookFixture(
        createReferenceBackend(),
        fixture,
      );
      const actual = reportedErrors(reports);
      expect(actual.length).toBe(expected.length);
      actual.forEach((value, i) => {
        const want = expected[i] as number;
        if (!(Math.abs(value - want) <= 1e-9 * Math.abs(want))) {
          expect.fail(
            `error ${i} (epoch ${reports[Math.floor(i / (actual.length / reports.length))]?.epoch}): got ${value}, NumPy ${want}`,
          );
        }
      });
      if (fixture.accuracy !== undefined) expect(accuracy).toEqual(fixture.accuracy);
    },
    300_000,
  );
});
