import { buildIfStale } from '../../build-if-stale.js';
import { publishablePackages } from './publishable.js';

/** vitest globalSetup: the packages this test packs, built where stale. */
export default function setup(): void {
  buildIfStale([...publishablePackages().keys()]);
}
