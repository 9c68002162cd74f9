import type { GridBenchResult, GridCell } from './grid-bench.js';

/** The grid as a Markdown table, then who wins each width × batch and where gpujs beats cpu float32. */
export function formatGridBench(result: GridBenchResult): string {
  const lines = [
    '| width | batch | backend | steps/s | GFLOP/s | × cpu float32 |',
    '| ---: | ---: | --- | ---: | ---: | ---: |',
  ];
  for (const c of result.cells) {
    if (c.error !== undefined) {
      lines.push(`| ${c.width} | ${c.batch} | ${c.backend} | unavailable: ${c.error} | | |`);
      continue;
    }
    const ratio = c.ratioToCpuFloat32 === undefined ? '' : `${c.ratioToCpuFloat32.toFixed(2)}×`;
    lines.push(
      `| ${c.width} | ${c.batch} | ${c.backend} | ${fixed(c.stepsPerSecond)} | ${c.gflops.toFixed(4)} | ${ratio} |`,
    );
  }
  lines.push('', 'Fastest per width × batch:');
  const groups = new Map<string, GridCell[]>();
  for (const c of result.cells) {
    if (c.error !== undefined) continue;
    const key = `${c.width} × ${c.batch}`;
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  for (const [key, cells] of groups) {
    const best = cells.reduce((a, b) => (b.stepsPerSecond > a.stepsPerSecond ? b : a));
    lines.push(`- width × batch ${key}: ${best.backend} (${fixed(best.stepsPerSecond)} steps/s)`);
  }
  const wins = result.cells.filter(
    (c) => c.backend.startsWith('gpujs') && (c.ratioToCpuFloat32 ?? 0) > 1,
  );
  lines.push(
    '',
    wins.length === 0
      ? 'gpujs beats cpu float32 nowhere in this grid.'
      : `gpujs beats cpu float32 at: ${wins.map((c) => `${c.backend} ${c.width}×${c.batch} (${c.ratioToCpuFloat32?.toFixed(2)}×)`).join(', ')}.`,
  );
  return lines.join('\n');
}

function fixed(v: number): string {
  return v >= 100 ? v.toFixed(0) : v.toFixed(1);
}
