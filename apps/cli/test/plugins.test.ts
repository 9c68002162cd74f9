import { cpSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lastLine, lines, runNn, tempDir } from './run-nn.js';

const FIXTURE = fileURLToPath(new URL('./fixtures/plain-backend', import.meta.url));
const CORE = fileURLToPath(new URL('../../../packages/core', import.meta.url));

/** A project folder with node_modules/<name> (the fixture, or `files`) and @nn/core linked from the repo. */
function project(name = 'nn-backend-plain', files?: Record<string, string>): string {
  const dir = tempDir();
  const target = join(dir, 'node_modules', name);
  mkdirSync(join(dir, 'node_modules', '@nn'), { recursive: true });
  symlinkSync(CORE, join(dir, 'node_modules', '@nn', 'core'), 'dir');
  if (files === undefined) cpSync(FIXTURE, target, { recursive: true });
  else {
    mkdirSync(target, { recursive: true });
    for (const [file, text] of Object.entries(files)) writeFileSync(join(target, file), text);
  }
  return dir;
}

const TRAIN = ['train', '--rng', 'numpy', '--seed', '0', '--epochs', '201', '--interval', '100'];

describe.concurrent('backend plug-ins: an installed package that exports a descriptor', () => {
  it('nn train --backend <package> trains on it, as the float64 cpu backend does', async () => {
    const cwd = project();
    const [plugin, cpu] = await Promise.all([
      runNn([...TRAIN, '--backend', 'nn-backend-plain', '--json'], { cwd }),
      runNn([...TRAIN, '--json']),
    ]);
    expect(plugin.code, plugin.stderr).toBe(0);
    const records = lines(plugin.stdout).map((line) => JSON.parse(line));
    expect(records.at(-1)).toMatchObject({ type: 'done', backend: 'plain', precision: 'float64' });
    const expected = lines(cpu.stdout).map((line) => JSON.parse(line));
    records.slice(0, -1).forEach((record, i) => {
      // The same math in float64, summed in the same order: equal to rounding.
      expect(Math.abs(record.error - expected[i].error)).toBeLessThan(1e-12 * expected[i].error);
    });
  });

  it('takes the plug-in’s own option flags, validated from its descriptor', async () => {
    const cwd = project();
    const ok = await runNn(
      [...TRAIN, '--backend', 'nn-backend-plain', '--rounding', 'float32', '--json'],
      { cwd },
    );
    expect(ok.code, ok.stderr).toBe(0);
    expect(JSON.parse(lines(ok.stdout).at(-1) as string)).toMatchObject({ precision: 'float32' });
    const bad = await runNn([...TRAIN, '--backend', 'nn-backend-plain', '--rounding', 'up'], {
      cwd,
    });
    expect(bad.code).toBe(2);
    expect(lastLine(bad.stderr)).toMatch(
      /--rounding "up" is not valid; it must be one of none, float32/,
    );
    const foreign = await runNn(
      [...TRAIN, '--backend', 'nn-backend-plain', '--precision', 'float32'],
      {
        cwd,
      },
    );
    expect(foreign.code).toBe(2);
    expect(lastLine(foreign.stderr)).toMatch(
      /--precision is for --backend cpu or wasm; the plain backend takes --rounding none\|float32/,
    );
  });

  it('nn backends --backend <package> and NN_BACKENDS list it', async () => {
    const cwd = project();
    for (const run of [
      runNn(['backends', '--json', '--backend', 'nn-backend-plain'], { cwd }),
      runNn(['backends', '--json'], { cwd, env: { NN_BACKENDS: 'nn-backend-plain' } }),
    ]) {
      const { code, stdout, stderr } = await run;
      expect(code, stderr).toBe(0);
      const { backends } = JSON.parse(stdout) as { backends: { backend: string; mode: string }[] };
      expect(backends.filter((b) => b.backend === 'plain').map((b) => b.mode)).toEqual([
        'none',
        'float32',
      ]);
    }
    const help = await runNn(['train', '--help'], {
      cwd,
      env: { NN_BACKENDS: 'nn-backend-plain' },
    });
    expect(help.stdout).toContain('plain: a small float64 driver');
    expect(help.stdout).toMatch(/ {2}--rounding NAME +plain only: none \| float32/);
  });

  it('says plainly when the package is not installed (a usage error)', async () => {
    const { code, stderr } = await runNn([...TRAIN, '--backend', '@someone/nn-backend-none']);
    expect(code).toBe(2);
    expect(lastLine(stderr)).toMatch(
      /--backend "@someone\/nn-backend-none" is not valid; it must be one of cpu, gpujs, wasm, auto \(the backend package @someone\/nn-backend-none is not installed/,
    );
  });

  it('says plainly when the package exports no descriptor, or a broken one (exit 1)', async () => {
    const none = project('nn-backend-empty', {
      'package.json': JSON.stringify({
        name: 'nn-backend-empty',
        type: 'module',
        main: 'index.js',
      }),
      'index.js': 'export const something = 1;\n',
    });
    const empty = await runNn([...TRAIN, '--backend', 'nn-backend-empty'], { cwd: none });
    expect(empty.code).toBe(1);
    expect(lastLine(empty.stderr)).toMatch(/^nn: nn-backend-empty exports no backend descriptor/);
    const broken = project('nn-backend-broken', {
      'package.json': JSON.stringify({
        name: 'nn-backend-broken',
        type: 'module',
        main: 'index.js',
      }),
      'index.js':
        "export const descriptor = { id: 'broken', packageName: 'nn-backend-broken', label: 'x', needs: 'x', options: [], probe: 1 };\n",
    });
    const deps = project('nn-backend-deps', {
      'package.json': JSON.stringify({ name: 'nn-backend-deps', type: 'module', main: 'index.js' }),
      'index.js': "import 'nn-missing-dependency';\nexport const descriptor = {};\n",
    });
    const failed = await runNn([...TRAIN, '--backend', 'nn-backend-deps'], { cwd: deps });
    expect(failed.code).toBe(1);
    // Installed, but its own dependency is missing: not reported as a missing package.
    expect(lastLine(failed.stderr)).toMatch(
      /^nn: nn-backend-deps failed to load: .*Cannot find package 'nn-missing-dependency'/,
    );
    const bad = await runNn([...TRAIN, '--backend', 'nn-backend-broken'], { cwd: broken });
    expect(bad.code).toBe(1);
    expect(lastLine(bad.stderr)).toMatch(
      /^nn: nn-backend-broken does not export a valid backend descriptor: probe is not a function/,
    );
  });
});

describe.concurrent('--backend auto', () => {
  it('runs the textbook network on wasm float64 (measured faster than cpu) and says so, and why, on stderr', async () => {
    const [auto, cpu] = await Promise.all([
      runNn([...TRAIN, '--backend', 'auto'], { env: { DISPLAY: '' } }),
      runNn(TRAIN),
    ]);
    expect(auto.code, auto.stderr).toBe(0);
    expect(auto.stderr).toMatch(
      /^nn: --backend auto runs wasm float64 1: 6 multiply-adds per step \(batch 1, layers 1-3-1\)/m,
    );
    // The same float64 math as cpu's, summed in the same order: equal within 1e-9 relative.
    const errors = (stdout: string) => lines(stdout).map((line) => Number(line.split('Error:')[1]));
    const [onAuto, onCpu] = [errors(auto.stdout), errors(cpu.stdout)];
    expect(onAuto).toHaveLength(onCpu.length);
    onAuto.forEach((error, i) => {
      expect(Math.abs(error - (onCpu[i] as number))).toBeLessThanOrEqual(
        1e-9 * (onCpu[i] as number),
      );
    });
  });

  it('takes no backend option flags: auto picks them', async () => {
    const { code, stderr } = await runNn([...TRAIN, '--backend', 'auto', '--mode', 'webasm']);
    expect(code).toBe(2);
    expect(lastLine(stderr)).toMatch(/--mode is for --backend gpujs; --backend auto picks/);
  });
});
