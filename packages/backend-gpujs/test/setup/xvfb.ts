import { startXvfb, type XvfbServer } from '../../src/bench/xvfb.js';

let server: XvfbServer | undefined;

/** headless-gl needs an X display: where none is set, start Xvfb and hand it to the workers. */
export async function setup(): Promise<void> {
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
