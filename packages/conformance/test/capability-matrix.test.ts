import type { TaskMeta } from 'vitest';
import { describe, expect, it } from 'vitest';
import { META_KEY, problemsOf, renderMatrix, rowsOf } from '../scripts/matrix-report.mjs';
import {
  CAPABILITY_META_KEY,
  type CapabilityRecord,
  createReferenceBackend,
} from '../src/index.js';
import { recordCapabilities } from '../src/suites/capability-record.js';

function recorded(optionalKernels: boolean): CapabilityRecord {
  const backend = createReferenceBackend({ optionalKernels });
  const meta = {} as TaskMeta;
  recordCapabilities(backend, meta);
  backend.destroy();
  return (meta as Record<string, unknown>)[CAPABILITY_META_KEY] as CapabilityRecord;
}

/** An assertion result as vitest's JSON reporter writes it. */
function result(suite: string, test: string, status: string, meta: object = {}) {
  const ancestorTitles = [`@nn/conformance: ${suite}`, 'storage'];
  return {
    ancestorTitles,
    fullName: [...ancestorTitles, test].join(' '),
    status,
    title: test,
    failureMessages: [],
    meta,
  };
}

describe('the capability matrix (docs/capabilities.md) reads what the suite records', () => {
  it('uses the key the suite records its capabilities under', () => {
    expect(META_KEY).toBe(CAPABILITY_META_KEY);
  });

  it("records the declared capabilities and the driver's kernel table", () => {
    const full = recorded(true);
    expect(full).toMatchObject({
      precision: 'float64',
      syncRead: true,
      mode: 'float64',
      plans: false,
    });
    expect(full.requiredKernels.present).toHaveLength(10);
    expect(full.requiredKernels.missing).toEqual([]);
    expect(full.optionalKernels.missing).toEqual([]);
    const requiredOnly = recorded(false);
    expect(requiredOnly.optionalKernels.present).toEqual([]);
    expect(requiredOnly.optionalKernels.missing).toEqual(
      expect.arrayContaining(['unary', 'binary', 'denseForward', 'adamUpdate']),
    );
    expect(requiredOnly.optionalKernels.missing).toHaveLength(full.optionalKernels.present.length);
  });

  it('makes a row per describeBackend block, counting its tests, and lists what did not run', () => {
    const capabilities = recorded(false);
    const run = {
      packageName: '@nn/backend-x',
      dir: 'packages/backend-x',
      files: ['test/conformance.test.ts', 'test/browser/conformance-webgl.test.ts'],
      report: {
        testResults: [
          {
            name: '/repo/packages/backend-x/test/conformance.test.ts',
            message: '',
            assertionResults: [
              result('x fast', 'declares its precision and the mode that runs', 'passed', {
                [META_KEY]: capabilities,
              }),
              result('x fast', 'a', 'failed'),
              result('x fast', 'b', 'skipped'),
              result('x fast', 'c', 'passed'),
              result('x slow', 'a', 'passed'),
            ],
          },
        ],
      },
    };
    const rows = rowsOf(run);
    expect(rows.map((r) => [r.suite, r.passed, r.failed, r.skipped])).toEqual([
      ['x fast', 2, ['storage a'], ['storage b']],
      ['x slow', 1, [], []],
    ]);
    expect(rows[0]?.capabilities).toEqual(capabilities);
    expect(problemsOf(run)).toEqual([
      "packages/backend-x: not run in Node by the package's vitest config (browser tests): test/browser/conformance-webgl.test.ts",
    ]);
    const markdown = renderMatrix([run], { date: '2026-11-30', environment: 'Node v20' });
    expect(markdown).toContain(
      '| x fast | @nn/backend-x | float64 | float64 | yes | no | 10/10 | 0/8 (no unary, binary,',
    );
    expect(markdown).toContain('| x slow | @nn/backend-x | ? | ? | ? | ? | ? | ? | 1 | 0 | 0 |');
    expect(markdown).toContain('- failed: storage a');
  });

  it('says which packages have no conformance run', () => {
    expect(
      problemsOf({ packageName: '@nn/backend-y', dir: 'packages/backend-y', files: [] }),
    ).toEqual(['packages/backend-y: no test file calls describeBackend']);
  });
});
