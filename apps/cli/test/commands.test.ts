import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lines, runNn } from './run-nn.js';

const { version } = JSON.parse(
  readFileSync(new URL('../package.json', import.meta.url), 'utf8'),
) as {
  version: string;
};

describe('nn --help and --version', () => {
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

describe('nn backends', () => {
  it('lists each backend and mode with whether it runs here, and why not', async () => {
    const { code, stdout } = await runNn(['backends', '--json']);
    expect(code).toBe(0);
    const { backends } = JSON.parse(stdout) as {
      backends: { backend: string; mode: string; available: boolean; note?: string }[];
    };
    expect(backends.map((b) => `${b.backend}/${b.mode}`)).toEqual([
      'cpu/float64',
      'cpu/float32',
      'gpujs/auto',
      'gpujs/headlessgl',
      'gpujs/webgl2',
      'gpujs/webgl',
      'gpujs/webasm',
      'gpujs/cpu',
    ]);
    expect(backends.slice(0, 2).every((b) => b.available)).toBe(true);
    for (const b of backends.filter((entry) => !entry.available)) expect(b.note).toMatch(/\w{4,}/);
  });

  it('prints the same as a table', async () => {
    const { code, stdout } = await runNn(['backends']);
    expect(code).toBe(0);
    const table = lines(stdout);
    expect(table[0]).toMatch(/^backend\s+mode\s+available\s+notes$/);
    expect(table[1]).toMatch(/^cpu\s+float64\s+yes$/);
    expect(table).toHaveLength(9);
  });
});

describe('nn train --backend gpujs', () => {
  it('runs the gpujs backend in the mode asked for, or says plainly why it cannot', async () => {
    const { code, stdout, stderr } = await runNn([
      'train',
      '--backend',
      'gpujs',
      '--mode',
      'cpu',
      '--epochs',
      '3',
      '--interval',
      '1',
      '--seed',
      '1',
      '--json',
    ]);
    if (code === 0) {
      const done = JSON.parse(lines(stdout).at(-1) as string);
      expect(done).toMatchObject({
        type: 'done',
        backend: 'gpujs',
        mode: 'cpu',
        precision: 'float32',
      });
    } else {
      expect(code).toBe(1);
      expect(stdout).toBe('');
      expect(stderr).toMatch(/^nn: (the gpujs backend is not installed|.*gpujs.*)/);
    }
  });
});
