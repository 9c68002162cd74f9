import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lines, runNn } from './run-nn.js';

const { version } = JSON.parse(
  readFileSync(new URL('../package.json', import.meta.url), 'utf8'),
) as {
  version: string;
};

describe.concurrent('nn --help and --version', () => {
  it.each([['--help'], ['-h']])('nn %s prints the commands on stdout, exit 0', async (flag) => {
    const { code, stdout, stderr } = await runNn([flag]);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toMatch(/^Usage: nn <command>/);
    for (const command of ['train', 'predict', 'backends', 'bench'])
      expect(stdout).toContain(`  ${command} `);
  });

  it('nn train --help lists every train flag, even beside other flags', async () => {
    const { code, stdout } = await runNn(['train', '--epochs', 'x', '--help']);
    expect(code).toBe(0);
    for (const flag of [
      '--hidden',
      '--activation',
      '--eta',
      '--epochs',
      '--interval',
      '--batch-size',
      '--wb-width',
      '--seed',
      '--rng',
      '--backend',
      '--mode',
      '--precision',
      '--data',
      '--gif',
      '--png',
      '--save',
      '--json',
    ]) {
      expect(stdout).toContain(`  ${flag} `);
    }
  });

  it('nn --version prints the package version', async () => {
    const { code, stdout } = await runNn(['--version']);
    expect(code).toBe(0);
    expect(stdout).toBe(`${version}\n`);
  });
});

describe.concurrent('nn backends', () => {
  it('lists each backend and mode with whether it runs here, and why not', async () => {
    const { code, stdout } = await runNn(['backends', '--json']);
    expect(code).toBe(0);
    const { backends, auto } = JSON.parse(stdout) as {
      backends: { backend: string; mode: string; available: boolean; note?: string }[];
      auto: { backend: string; options: Record<string, string>; multiplyAdds: number };
    };
    // auto's pick for the textbook run (1-3-1, batch 1): wasm float64, measured faster than cpu at every size.
    expect(auto).toMatchObject({
      backend: 'wasm',
      options: { precision: 'float64' },
      multiplyAdds: 6,
    });
    expect(backends.map((b) => `${b.backend}/${b.mode}`)).toEqual([
      'cpu/float64',
      'cpu/float32',
      'gpujs/auto',
      'gpujs/headlessgl',
      'gpujs/webgl2',
      'gpujs/webgl',
      'gpujs/webgpu',
      'gpujs/webasm',
      'gpujs/cpu',
      'wasm/float64 auto',
      'wasm/float64 1',
      'wasm/float64 2',
      'wasm/float64 4',
      'wasm/float32 auto',
      'wasm/float32 1',
      'wasm/float32 2',
      'wasm/float32 4',
    ]);
    expect(backends.slice(0, 2).every((b) => b.available)).toBe(true);
    expect(backends.find((b) => b.mode === 'webgpu')).toMatchObject({
      available: false,
      note: expect.stringContaining('only in browsers'),
    });
    for (const b of backends.filter((entry) => !entry.available)) expect(b.note).toMatch(/\w{4,}/);
  });

  it('prints the same as a table', async () => {
    const { code, stdout } = await runNn(['backends']);
    expect(code).toBe(0);
    const table = lines(stdout);
    expect(table[0]).toMatch(/^backend\s+mode\s+available\s+notes$/);
    expect(table[1]).toMatch(/^cpu\s+float64\s+yes$/);
    // The table's 17 rows, then auto's pick for the textbook run and why.
    expect(table).toHaveLength(19);
    expect(table[18]).toMatch(
      /^auto picks wasm float64 1 for the textbook run: 6 multiply-adds per step/,
    );
  });
});

describe.concurrent('nn train --backend gpujs', () => {
  const noDisplay = { env: { DISPLAY: '' } };
  const args = [
    'train',
    '--rng',
    'numpy',
    '--seed',
    '1',
    '--epochs',
    '21',
    '--interval',
    '10',
    '--json',
  ];
  const errors = (stdout: string): number[] =>
    lines(stdout)
      .map((line) => JSON.parse(line) as { type: string; error: number })
      .filter((r) => r.type === 'epoch')
      .map((r) => r.error);

  it('runs the mode asked for and tracks the float64 cpu run within float32 precision', async () => {
    const [gpujs, cpu] = await Promise.all([
      runNn([...args, '--backend', 'gpujs', '--mode', 'cpu'], noDisplay),
      runNn(args),
    ]);
    expect(gpujs.code, gpujs.stderr).toBe(0);
    const done = JSON.parse(lines(gpujs.stdout).at(-1) as string);
    expect(done).toMatchObject({
      type: 'done',
      backend: 'gpujs',
      mode: 'cpu',
      precision: 'float32',
    });
    const expected = errors(cpu.stdout);
    errors(gpujs.stdout).forEach((error, i) => {
      expect(Math.abs(error - (expected[i] as number)) / (expected[i] as number)).toBeLessThan(
        1e-3,
      );
    });
  });

  it('says why a mode cannot start and what to do, exit 1, before printing anything', async () => {
    const { code, stdout, stderr } = await runNn(
      [...args, '--backend', 'gpujs', '--mode', 'headlessgl'],
      noDisplay,
    );
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^nn: gpujs mode 'headlessgl' cannot start: .*DISPLAY/m);
  });

  it('reports a fallback of --mode auto on stderr and in the done line', async () => {
    const { code, stdout, stderr } = await runNn(
      [...args, '--backend', 'gpujs', '--epochs', '2'],
      noDisplay,
    );
    expect(code).toBe(0);
    const done = JSON.parse(lines(stdout).at(-1) as string);
    expect(done.mode).not.toBe('headlessgl');
    expect(done.fallbackReason).toMatch(/headlessgl/);
    expect(stderr).toContain(`nn: gpujs runs ${done.mode}: ${done.fallbackReason}`);
  });
});

describe('nn bench', () => {
  it('--quick --json prints the benchmark result as one JSON document', async () => {
    const { code, stdout, stderr } = await runNn(['bench', '--quick', '--json']);
    expect(code, stderr).toBe(0);
    expect(lines(stdout)).toHaveLength(1);
    const { textbook, grid } = JSON.parse(stdout) as {
      textbook: { rows: { name: string; medianMs: number }[] };
      grid: { cells: { backend: string; width: number; batch: number; stepsPerSecond: number }[] };
    };
    expect(textbook.rows.map((row) => row.name)).toContain('@nn backend-cpu float64');
    for (const row of textbook.rows) expect(row.medianMs).toBeGreaterThan(0);
    const backends = new Set(grid.cells.map((cell) => cell.backend));
    expect([...backends]).toEqual([
      'cpu float64',
      'cpu float32',
      'gpujs headlessgl',
      'gpujs webasm',
    ]);
    for (const cell of grid.cells)
      expect(cell.stepsPerSecond, `${cell.backend} ${cell.width}×${cell.batch}`).toBeGreaterThan(0);
  });
});
