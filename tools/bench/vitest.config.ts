import { defineConfig, mergeConfig } from 'vitest/config';
import shared from '../vitest.shared.ts';

// The smoke test runs the built bench, which times the built `nn`: both are
// built first where their sources changed since.
export default mergeConfig(
  shared,
  defineConfig({ test: { globalSetup: ['test/build-if-stale.ts'] } }),
);
