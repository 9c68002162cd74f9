import { defineConfig, mergeConfig } from 'vitest/config';
import shared from '../vitest.shared.ts';

// The sh snippets run the built `nn` (and `nn bench` the built bench).
export default mergeConfig(
  shared,
  defineConfig({ test: { globalSetup: ['test/build-cli.ts'], testTimeout: 120_000 } }),
);
