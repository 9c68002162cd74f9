import { buildIfStale } from '../../build-if-stale.js';

/**
 * vitest globalSetup: the smoke test runs the built bench as `pnpm bench`
 * does, and that times the built `nn`; the bench is only a devDependency of
 * the cli, so both chains are built where stale.
 */
export default function setup(): void {
  buildIfStale(['@nn/bench', '@nn/cli']);
}
