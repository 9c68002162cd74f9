import { describe, expect, it } from 'vitest';
import { formatGridBench, runGridBench, stepFlops } from '../src/index.js';

// The cpu cells only: the gpujs cells need headless-gl and an X display,
// which the smoke test's full bench run covers. No timing is asserted.
describe('the width × batch × backend grid', () => {
  it('times every cell, relates each to cpu float32 and names the fastest', async () => {
    const result = await runGridBench({
      widths: [3, 16],
      batches: [1, 4],
      backends: ['cpu float64', 'cpu float32'],
      secondsPerCell: 0.05,
    });
    expect(result.cells.map((c) => `${c.backend} ${c.width}×${c.batch}`)).toEqual([
      'cpu float64 3×1',
      'cpu float32 3×1',
      'cpu float64 3×4',
      'cpu float32 3×4',
      'cpu float64 16×1',
      'cpu float32 16×1',
      'cpu float64 16×4',
      'cpu float32 16×4',
    ]);
    for (const cell of result.cells) {
      expect(cell.error).toBeUndefined();
      expect(cell.steps).toBeGreaterThan(0);
      expect(cell.stepsPerSecond).toBeCloseTo(cell.steps / cell.seconds, 6);
      expect(cell.gflops).toBeCloseTo(
        (stepFlops(cell.width, cell.batch) * cell.stepsPerSecond) / 1e9,
        12,
      );
      if (cell.backend === 'cpu float32') expect(cell.ratioToCpuFloat32).toBe(1);
    }
    const table = formatGridBench(result);
    expect(table.split('\n').filter((line) => /^\| \d/.test(line))).toHaveLength(8);
    expect(table).toContain('- width × batch 16 × 4: cpu');
    expect(table).toContain('gpujs beats cpu float32 nowhere in this grid.');
  });

  it('counts ten flops per hidden unit and sample: five products of b·n·1', () => {
    expect(stepFlops(3, 1)).toBe(30);
    expect(stepFlops(1024, 256)).toBe(10 * 1024 * 256);
  });
});
