import { defineConfig, mergeConfig } from 'vitest/config';
import shared from '../vitest.shared.ts';

// Packing needs each package's dist/: built first where its sources changed.
export default mergeConfig(
  shared,
  defineConfig({ test: { globalSetup: ['test/build-packages.ts'], testTimeout: 120_000 } }),
);
