import { buildIfStale } from '../../../tools/build-if-stale.js';

/**
 * vitest globalSetup: builds the cli, the workspace packages it runs on and
 * the bench (for `nn bench`) when their sources are newer than their builds.
 */
export default function setup(): void {
  buildIfStale(['@nn/cli', '@nn/bench']);
}
