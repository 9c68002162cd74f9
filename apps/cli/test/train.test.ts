import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lines, runNn } from './run-nn.js';

interface Fixture {
  errors: { epoch: number; error: number }[];
}

const fixture = JSON.parse(
  readFileSync(
    new URL('../../../packages/core/test/fixtures/numpy-seed1-mid3-eta0.1.json', import.meta.url),
    'utf8',
  ),
) as Fixture;

const BOOK_LINE = /^Epoch:(\d+)\/(\d+) Error:(\S+)$/;

describe.concurrent('nn train', () => {
  it('with no flags is the textbook run: 11 lines "Epoch:i/2001 Error:e", every 200 epochs', async () => {
    const { code, stdout, stderr } = await runNn(['train']);
    expect(code).toBe(0);
    const printed = lines(stdout).map((line) => BOOK_LINE.exec(line));
    expect(printed).toHaveLength(11);
    expect(printed.map((m) => Number(m?.[1]))).toEqual([
      0, 200, 400, 600, 800, 1000, 1200, 1400, 1600, 1800, 2000,
    ]);
    expect(printed.every((m) => m?.[2] === '2001')).toBe(true);
    const errors = printed.map((m) => Number(m?.[3]));
    // The book's run starts near 0.28 and fits sin closely by the end.
    expect(errors[0]).toBeGreaterThan(0.1);
    expect(errors[10]).toBeLessThan(errors[0] as number);
    // No --seed: one is picked and reported on stderr, and no progress bar when stderr is not a TTY.
    expect(stderr).toMatch(/^nn: seed (\d+) \(pass --seed \1 to repeat this run\)\n$/);
  });

  it('--rng numpy --seed 1 prints the NumPy reference script’s errors (1e-9 relative), in Python’s float format', async () => {
    const { code, stdout, stderr } = await runNn(['train', '--rng', 'numpy', '--seed', '1']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const printed = lines(stdout).map((line) => BOOK_LINE.exec(line));
    expect(printed.map((m) => Number(m?.[1]))).toEqual(fixture.errors.map((e) => e.epoch));
    printed.forEach((match, i) => {
      const text = match?.[3] as string;
      const expected = (fixture.errors[i] as { error: number }).error;
      expect(Math.abs(Number(text) - expected) / expected).toBeLessThan(1e-9);
      // Python writes 8.368066922303294e-06 where JavaScript writes 8.368066922303294e-6.
      if (Math.abs(expected) < 1e-4) expect(text).toMatch(/e-\d\d$/);
    });
  });

  it('repeats a run exactly with the same --seed, and differs with another', async () => {
    const args = ['train', '--epochs', '30', '--interval', '10'];
    const [a, b, c] = await Promise.all([
      runNn([...args, '--seed', '7']),
      runNn([...args, '--seed', '7']),
      runNn([...args, '--seed', '8']),
    ]);
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout).not.toBe(c.stdout);
    expect(lines(a.stdout)).toHaveLength(3);
  });

  it('turns the knobs: two hidden layers, tanh, batches, float32; prints only on the interval like the book', async () => {
    const { code, stdout } = await runNn([
      'train',
      '--hidden',
      '8,8',
      '--activation',
      'tanh',
      '--eta',
      '0.05',
      '--epochs',
      '7',
      '--interval',
      '3',
      '--batch-size',
      '4',
      '--wb-width',
      '0.1',
      '--precision',
      'float32',
      '--seed',
      '3',
    ]);
    expect(code).toBe(0);
    expect(lines(stdout).map((line) => BOOK_LINE.exec(line)?.slice(1, 3))).toEqual([
      ['0', '7'],
      ['3', '7'],
      ['6', '7'],
    ]);
  });
});

describe.concurrent('nn train --json', () => {
  it('writes only NDJSON on stdout: an epoch line per interval, then a done line', async () => {
    const args = ['train', '--json', '--epochs', '11', '--interval', '5', '--rng', 'numpy'];
    const { code, stdout, stderr } = await runNn(args);
    expect(code).toBe(0);
    const records = lines(stdout).map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(records.map((r) => r.type)).toEqual(['epoch', 'epoch', 'epoch', 'done']);
    expect(records.slice(0, 3).map((r) => r.epoch)).toEqual([0, 5, 10]);
    for (const record of records.slice(0, 3)) {
      expect(Object.keys(record).sort()).toEqual(['epoch', 'error', 'type']);
      expect(record.error).toBeTypeOf('number');
    }
    const done = records[3] as Record<string, unknown>;
    expect(done).toMatchObject({
      type: 'done',
      epochs: 11,
      backend: 'cpu',
      mode: 'float64',
      rng: 'numpy',
    });
    expect(done.error).toBe(records[2]?.error);
    expect(done.seconds).toBeTypeOf('number');
    // The random seed is in the done line and on stderr, so the run can be repeated.
    const seed = done.seed as number;
    expect(Number.isInteger(seed)).toBe(true);
    expect(stderr).toContain(`--seed ${seed}`);
    const again = await runNn([...args, '--seed', String(seed)]);
    expect(lines(again.stdout).slice(0, 3)).toEqual(lines(stdout).slice(0, 3));
  });

  it('reports the final epoch’s error in the done line even when it is off the interval', async () => {
    const { stdout } = await runNn([
      'train',
      '--json',
      '--epochs',
      '12',
      '--interval',
      '5',
      '--seed',
      '1',
    ]);
    const records = lines(stdout).map(
      (line) => JSON.parse(line) as { type: string; epoch?: number; error: number },
    );
    expect(records.filter((r) => r.type === 'epoch').map((r) => r.epoch)).toEqual([0, 5, 10]);
    const done = records.at(-1);
    expect(done?.type).toBe('done');
    expect(done?.error).not.toBe(records[2]?.error);
  });
});
