import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

interface Outcome {
  /** The test's name below its backend's describe block. */
  name: string;
  status: 'passed' | 'failed' | 'skipped' | 'pending' | 'todo';
  /** The first line of each failure. */
  messages: string[];
}

interface JsonReport {
  testResults: {
    name: string;
    message?: string;
    assertionResults: {
      ancestorTitles: string[];
      fullName: string;
      status: Outcome['status'];
      failureMessages: string[];
    }[];
  }[];
}

const packageRoot = fileURLToPath(new URL('..', import.meta.url));

/**
 * Runs the suite on every backend of test/broken in a child vitest (its own
 * config, JSON reporter) and returns each backend's outcomes by the name it
 * was described with.
 */
async function runBrokenBackends(): Promise<Map<string, Outcome[]>> {
  const dir = mkdtempSync(join(tmpdir(), 'nn-broken-backends-'));
  const reportFile = join(dir, 'report.json');
  const vitest = join(
    dirname(createRequire(import.meta.url).resolve('vitest/package.json')),
    'vitest.mjs',
  );
  // The child is a vitest of its own, not a worker of this one.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST')),
  );
  const output = await new Promise<string>((resolve) => {
    execFile(
      process.execPath,
      [
        vitest,
        'run',
        '--config',
        'vitest.broken.config.ts',
        '--reporter=json',
        `--outputFile=${reportFile}`,
      ],
      { cwd: packageRoot, env, maxBuffer: 64 * 1024 * 1024 },
      // It exits with 1: failing is what these backends are for.
      (_error, stdout, stderr) => resolve(`${stdout}${stderr}`),
    );
  });
  let report: JsonReport;
  try {
    report = JSON.parse(readFileSync(reportFile, 'utf8')) as JsonReport;
  } catch {
    throw new Error(`the broken backends' run wrote no report:\n${output.slice(-4000)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const byBackend = new Map<string, Outcome[]>();
  for (const file of report.testResults) {
    if (file.message) throw new Error(`${file.name} did not run: ${file.message}`);
    for (const result of file.assertionResults) {
      const backend = result.ancestorTitles[0] ?? '';
      const outcomes = byBackend.get(backend) ?? [];
      outcomes.push({
        name: result.fullName.slice(backend.length + 1),
        status: result.status,
        messages: result.failureMessages.map((m) => m.split('\n')[0] ?? ''),
      });
      byBackend.set(backend, outcomes);
    }
  }
  return byBackend;
}

let results: Map<string, Outcome[]>;

function outcomes(backend: string): Outcome[] {
  const found = results.get(`@nn/conformance: ${backend}`);
  if (found === undefined) throw new Error(`no results for '${backend}'`);
  return found;
}

function failures(backend: string): Outcome[] {
  return outcomes(backend).filter((o) => o.status === 'failed');
}

function namesOf(list: Outcome[]): string[] {
  return list.map((o) => o.name);
}

/** Every failure's single message contains `text`. */
function expectEachMessage(list: Outcome[], text: string): void {
  for (const failure of list) {
    expect(failure.messages, failure.name).toHaveLength(1);
    expect(failure.messages[0], failure.name).toContain(text);
  }
}

const KERNEL = 'kernels against the float64 reference ';
const FINGERPRINT = 'computes at the declared precision ';
const COMPOSED_TRAINING =
  'training SGD steps of a 1-4-3-1 network composed from the required kernels (grad_x = delta · Wᵀ by matMul with transposeB) track the reference backend';

describe('the suite fails each deliberately broken backend of test/broken, and says why', () => {
  beforeAll(async () => {
    results = await runBrokenBackends();
  }, 600_000);

  it('passes the control: the correct plain number[] backend they start from', () => {
    expect(namesOf(failures('control: plain number[] backend'))).toEqual([]);
    const passed = outcomes('control: plain number[] backend').filter((o) => o.status === 'passed');
    expect(passed.length).toBeGreaterThan(100);
  });

  it('a matMul writing one element past out, on plain arrays that grow: every matMul test, through storageSize', () => {
    const backend = 'broken: matMul writes past out';
    const failed = failures(backend);
    const matMulTests = outcomes(backend).filter((o) => o.name.startsWith(`${KERNEL}matMul `));
    expect(matMulTests.length).toBeGreaterThan(0);
    expect(namesOf(failed)).toEqual(expect.arrayContaining(namesOf(matMulTests)));
    expect(failed.every((o) => o.name.includes('matMul'))).toBe(true);
    expectEachMessage(failed, 'the kernel writes past the end of out');
  });

  it('a driver whose release frees nothing: the storage test, then the leak check after each test, through liveAllocations', () => {
    const backend = 'broken: release frees nothing';
    const failed = failures(backend);
    const storage = failed.find((o) => o.name.includes("frees the driver's allocation"));
    expect(storage?.messages[0]).toContain("the driver's release must free it");
    const afterEach = failed.filter((o) => o !== storage);
    expect(afterEach.length).toBeGreaterThan(100);
    expectEachMessage(afterEach, 'driver leak: liveAllocations() is');
  });

  it('a backend declaring float32 but computing in float64: the stored-precision fingerprint', () => {
    const failed = failures('broken: declares float32, computes in float64');
    expect(namesOf(failed)).toEqual([
      `${FINGERPRINT}stores each kernel output at that precision: 1 + 2^-24 + 2^-24 by two biasAdd calls in place`,
    ]);
    expectEachMessage(failed, 'the backend declares float32 but computes in float64');
  });

  it('a backend declaring float64 but computing in float32: every fingerprint', () => {
    const failed = failures('broken: declares float64, computes in float32');
    const fingerprints = failed.filter((o) => o.name.startsWith(FINGERPRINT));
    expect(fingerprints).toHaveLength(5);
    expectEachMessage(fingerprints, 'the backend declares float64 but computes in float32');
  });

  it('a kernel that overwrites one of its inputs: its kernel tests, naming the input', () => {
    const failed = failures('broken: activationBackward overwrites dy');
    // identity's gradient is dy itself: writing it into dy changes nothing.
    expect(namesOf(failed).sort()).toEqual(
      ['relu', 'sigmoid', 'softmax', 'tanh'].map((kind) => `${KERNEL}activationBackward ${kind}`),
    );
    expectEachMessage(failed, 'changed its input dy');
  });

  it('a matMul ignoring transposeB behind correct fused dense kernels: its kernel tests and the composed training test', () => {
    const failed = failures('broken: matMul ignores transposeB');
    expect(namesOf(failed)).toContain(COMPOSED_TRAINING);
    const kernelTests = failed.filter((o) => o.name !== COMPOSED_TRAINING);
    expect(kernelTests.length).toBeGreaterThan(0);
    for (const test of kernelTests) {
      expect(test.name).toMatch(new RegExp(`^${KERNEL}matMul .*b transposed$`));
    }
  });

  it('a download that hands out the storage itself: named as an upload/download round trip, never blamed on a kernel', () => {
    const failed = failures('broken: download returns the storage itself');
    expect(namesOf(failed)).toContain(`${KERNEL}sgdUpdate: param − eta · grad, in place`);
    expectEachMessage(failed, 'upload/download round trip');
    expectEachMessage(failed, 'download must return a fresh array');
  });

  it('a test that failed reports its own failure only, never a leak as well', () => {
    for (const [backend, list] of results) {
      for (const failure of list.filter((o) => o.status === 'failed')) {
        expect(failure.messages, `${backend} > ${failure.name}`).toHaveLength(1);
      }
    }
  });
});
