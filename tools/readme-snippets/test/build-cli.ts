import { buildIfStale } from '../../build-if-stale.js';

/** vitest globalSetup: `nn`, its optional gpujs backend and its optional bench, built where stale. */
export default function setup(): void {
  buildIfStale(['@nn/cli', '@nn/bench']);
}
