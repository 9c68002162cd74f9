import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lines, runNn } from './run-nn.js';

/** A fixture written by ../shared/reference/textbook_{classification,iris}.py --json (tools/fixtures/make-fixtures.sh). */
interface Fixture {
  args: {
    seed: number;
    n_mid: number;
    eta: number;
    epoch: number;
    interval: number;
    wb_width: number;
    batch_size?: number;
    optimizer?: string;
    dropout?: number;
  };
  errors: { epoch: number; error?: number; train?: number; test?: number }[];
  accuracy?: { train: number; test: number };
}

const FIXTURES = new URL('../../../packages/core/test/fixtures/', import.meta.url);

function fixtures(prefix: string): [string, Fixture][] {
  return readdirSync(FIXTURES)
    .filter((name) => name.startsWith(prefix))
    .map((name) => [name, JSON.parse(readFileSync(new URL(name, FIXTURES), 'utf8')) as Fixture]);
}

/** The script's knobs as nn flags; Iris has two hidden layers of n_mid. */
function flags(example: 'classification' | 'iris', args: Fixture['args']): string[] {
  const hidden = example === 'iris' ? `${args.n_mid},${args.n_mid}` : String(args.n_mid);
  return [
    ...['train', '--example', example, '--rng', 'numpy', '--seed', String(args.seed)],
    ...['--hidden', hidden, '--eta', String(args.eta), '--epochs', String(args.epoch)],
    ...['--interval', String(args.interval), '--wb-width', String(args.wb_width)],
    ...(args.batch_size === undefined ? [] : ['--batch-size', String(args.batch_size)]),
    ...(args.optimizer === undefined ? [] : ['--optimizer', args.optimizer]),
    ...(args.dropout === undefined ? [] : ['--dropout', String(args.dropout)]),
  ];
}

function expectClose(printed: string, expected: number): void {
  expect(Math.abs(Number(printed) - expected) / Math.abs(expected)).toBeLessThan(1e-9);
}

const CLASSIFICATION_LINE = /^Epoch:(\d+)\/(\d+) Error:(\S+)$/;
const IRIS_LINE = /^Epoch:(\d+)\/(\d+) Error_train:(\S+) Error_test:(\S+)$/;
const ACCURACY_LINE = /^Accuracy Train: (\S+)% Accuracy Test: (\S+)%$/;

describe.concurrent('nn train --example classification --rng numpy (§5.10 parity)', () => {
  const cases = fixtures('classification-');
  it('has fixtures to replay, the book’s defaults among them', () => {
    expect(cases.map(([name]) => name)).toContain('classification-seed1-mid6-eta0.1.json');
  });

  it.each(cases)('%s: every printed error within 1e-9 relative', async (_, fixture) => {
    const { code, stdout, stderr } = await runNn(flags('classification', fixture.args));
    expect(code, stderr).toBe(0);
    const expected = fixture.errors.filter((e) => e.epoch % fixture.args.interval === 0);
    const printed = lines(stdout).map((line) => CLASSIFICATION_LINE.exec(line));
    expect(printed.map((m) => Number(m?.[1]))).toEqual(expected.map((e) => e.epoch));
    expect(printed.every((m) => m?.[2] === String(fixture.args.epoch))).toBe(true);
    printed.forEach((m, i) => {
      expectClose(m?.[3] as string, expected[i]?.error as number);
    });
  });

  it('with no knobs is the book’s run: 2 -> 6 -> 2, 101 epochs, every 10', async () => {
    const [, book] = cases.find(([name]) => name.startsWith('classification-seed1-')) as [
      string,
      Fixture,
    ];
    const { stdout } = await runNn([
      'train',
      '--example',
      'classification',
      '--rng',
      'numpy',
      '--seed',
      '1',
    ]);
    const printed = lines(stdout).map((line) => CLASSIFICATION_LINE.exec(line));
    expect(printed).toHaveLength(11);
    printed.forEach((m, i) => {
      expectClose(
        m?.[3] as string,
        book.errors.filter((e) => e.epoch % 10 === 0)[i]?.error as number,
      );
    });
  });
});

describe.concurrent('nn train --example iris --rng numpy (chapter 6 parity)', () => {
  const cases = fixtures('iris-');
  it('has fixtures for the defaults, other optimizers and dropout', () => {
    const optimizers = new Set(cases.map(([, f]) => f.args.optimizer));
    expect(optimizers.size).toBeGreaterThan(1);
    expect(cases.some(([, f]) => (f.args.dropout ?? 0) > 0)).toBe(true);
  });

  it.each(cases)('%s: errors within 1e-9 relative, accuracies equal', async (_, fixture) => {
    const { code, stdout, stderr } = await runNn(flags('iris', fixture.args));
    expect(code, stderr).toBe(0);
    const printed = lines(stdout);
    const accuracy = ACCURACY_LINE.exec(printed.pop() ?? '');
    const expected = fixture.errors.filter((e) => e.epoch % fixture.args.interval === 0);
    const reports = printed.map((line) => IRIS_LINE.exec(line));
    expect(reports.map((m) => Number(m?.[1]))).toEqual(expected.map((e) => e.epoch));
    reports.forEach((m, i) => {
      expectClose(m?.[3] as string, expected[i]?.train as number);
      expectClose(m?.[4] as string, expected[i]?.test as number);
    });
    expect(Number(accuracy?.[1])).toBe(fixture.accuracy?.train);
    expect(Number(accuracy?.[2])).toBe(fixture.accuracy?.test);
  });

  it('prints the book’s lines with no knobs, and Python’s str() of the accuracy', async () => {
    const { code, stdout } = await runNn([
      'train',
      '--example',
      'iris',
      '--rng',
      'numpy',
      '--seed',
      '1',
    ]);
    expect(code).toBe(0);
    const printed = lines(stdout);
    expect(printed).toHaveLength(11);
    expect(printed[0]).toMatch(/^Epoch:0\/1000 Error_train:\S+ Error_test:\S+$/);
    expect(printed[9]).toMatch(/^Epoch:900\/1000 /);
    // iris-seed1-adagrad.json: 100.0 and 97.33333333333334, as Python's str() writes them.
    expect(printed[10]).toBe('Accuracy Train: 100.0% Accuracy Test: 97.33333333333334%');
  });

  it('--json: epoch records with train and test, then accuracy in the done record', async () => {
    const { code, stdout } = await runNn([
      ...['train', '--example', 'iris', '--rng', 'numpy', '--seed', '1', '--epochs', '201'],
      '--json',
    ]);
    expect(code).toBe(0);
    const records = lines(stdout).map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(records.map((r) => r.epoch)).toEqual([0, 100, 200, undefined]);
    expect(Object.keys(records[0] as object)).toEqual(['type', 'epoch', 'train', 'test']);
    const done = records.at(-1) as { type: string; accuracy: { train: number; test: number } };
    expect(done.type).toBe('done');
    expect(done.accuracy.train).toBeGreaterThan(90);
    expect(done.accuracy.test).toBeGreaterThan(80);
  });

  it('--json for classification: {type, epoch, error} records, train accuracy only', async () => {
    const { code, stdout } = await runNn([
      ...['train', '--example', 'classification', '--seed', '3', '--json'],
    ]);
    expect(code).toBe(0);
    const records = lines(stdout).map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(Object.keys(records[0] as object)).toEqual(['type', 'epoch', 'error']);
    const done = records.at(-1) as { accuracy: { train: number; test?: number } };
    expect(Object.keys(done.accuracy)).toEqual(['train']);
    expect(done.accuracy.train).toBeGreaterThan(80);
  });
});
