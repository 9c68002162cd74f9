import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { type BenchResult, formatBench, TARGETS } from '../src/index.js';

const main = fileURLToPath(new URL('../dist/main.js', import.meta.url));

// Runs the built bench as `pnpm bench` does, in --quick mode: every section
// runs and reports; no timing is asserted.
describe('pnpm bench --quick', () => {
  it('measures every workload and gives a verdict per target, as one JSON document', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [main, '--quick', '--json'], {
      encoding: 'utf8',
    });
    expect(stdout.trim().split('\n')).toHaveLength(1);
    const result = JSON.parse(stdout) as BenchResult;
    expect(result.quick).toBe(true);

    expect(result.textbook.rows.map((row) => row.name)).toEqual([
      'hand-written Float64Array loop',
      '@nn backend-cpu float64',
      '@nn backend-cpu float32',
      'brain.js 2.0.0-beta.24 NeuralNetwork',
    ]);
    for (const row of result.textbook.rows) expect(row.medianMs).toBeGreaterThan(0);
    expect(result.mlp.rows.map((row) => row.name)).toEqual([
      'hand-written i-k-j Float32Array loop',
      '@nn backend-cpu float32',
    ]);
    for (const row of result.mlp.rows) expect(row.gflops).toBeGreaterThan(0);
    expect(result.process.nn).toMatchObject({ runs: 1 });
    expect(result.gpujs).toMatchObject({ mode: 'headlessgl', epochs: 3, steps: 189 });
    // backend-wasm on one thread and the default count, and TF.js wasm, per product workload.
    for (const workload of ['mlp', 'matmul'] as const) {
      const rows = result.wasm.rows.filter((row) => row.workload === workload);
      expect(rows.at(-1)?.name, workload).toBe('TF.js 4.22 wasm');
      expect(rows[0]?.name, workload).toBe('backend-wasm simd');
    }
    for (const row of result.wasm.rows) expect(row.speed, row.name).toBeGreaterThan(0);

    expect(result.verdicts.map((v) => v.id)).toEqual(Object.keys(TARGETS));
    for (const v of result.verdicts) {
      if ('ratio' in v) expect(v.ratio, v.id).toBeGreaterThan(0);
      else expect(v.skipped, v.id).not.toBe('');
    }

    const table = formatBench(result);
    expect(table).toContain('t = sin(x) mapped to (t + 1) / 2');
    const verdictLines = table.split('\n').filter((line) => /^(met|missed|skipped) /.test(line));
    expect(verdictLines).toHaveLength(result.verdicts.length);
    result.verdicts.forEach((v, i) => {
      expect(verdictLines[i]).toContain(v.subject);
    });
  }, 300_000);
});
