// By path, not by package name: vitest resolves a global setup's imports
// without the "source" condition, and tools/xvfb may not be built yet.
import { startXvfb, type XvfbServer } from '../../../../tools/xvfb/src/index.js';

let server: XvfbServer | undefined;

/** headless-gl needs an X display: where none is set, start Xvfb and hand it to the workers. */
export async function setup(): Promise<void> {
  // llvmpipe renders the tests' tiny draws 2–3× faster on the calling thread.
  process.env.LP_NUM_THREADS ??= '0';
  if (process.platform !== 'linux' || process.env.DISPLAY) return;
  server = await startXvfb();
  process.env.DISPLAY = server.display;
}

export async function teardown(): Promise<void> {
  if (server === undefined) return;
  await server.stop();
  server = undefined;
  delete process.env.DISPLAY;
}
