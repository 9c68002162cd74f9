import { formatGridBench } from './format-grid-bench.js';
import { runGridBenchWithDisplay } from './grid-bench-with-display.js';

// The grid of widths × batches × backends: `node dist/grid-cli.js [--quick]`,
// run by tools/bench's `pnpm bench` after the textbook bench.
const result = await runGridBenchWithDisplay({
  quick: process.argv.includes('--quick'),
  onCell: (c) =>
    process.stderr.write(
      `${c.backend} width ${c.width} batch ${c.batch}: ${c.error ?? `${c.stepsPerSecond.toFixed(1)} steps/s`}\n`,
    ),
});
process.stdout.write(
  `LP_NUM_THREADS=${process.env.LP_NUM_THREADS}\n\n${formatGridBench(result)}\n`,
);
