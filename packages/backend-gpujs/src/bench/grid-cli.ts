import { formatGridBench } from './format-grid-bench.js';
import { runGridBench } from './grid-bench.js';
import { startXvfb, type XvfbServer } from './xvfb.js';

// `pnpm bench` (add --quick for a small grid): headless-gl needs a display, so start one if none is set.
const quick = process.argv.includes('--quick');
// Mesa's llvmpipe hands every draw to its rasterizer threads; for this grid's small draws
// rendering on the calling thread is 2–3× faster (measured), and no slower at 1024 × 256.
process.env.LP_NUM_THREADS ??= '0';
let xvfb: XvfbServer | undefined;
if (process.platform === 'linux' && !process.env.DISPLAY) {
  xvfb = await startXvfb();
  process.env.DISPLAY = xvfb.display;
}
try {
  const result = await runGridBench({
    quick,
    onCell: (c) =>
      process.stderr.write(
        `${c.backend} width ${c.width} batch ${c.batch}: ${c.error ?? `${c.stepsPerSecond.toFixed(1)} steps/s`}\n`,
      ),
  });
  process.stdout.write(
    `LP_NUM_THREADS=${process.env.LP_NUM_THREADS}\n\n${formatGridBench(result)}\n`,
  );
} finally {
  await xvfb?.stop();
}
