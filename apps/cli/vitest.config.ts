import { defineConfig, mergeConfig } from 'vitest/config';
import shared from '../../tools/vitest.shared.ts';

// The end-to-end tests spawn the built `nn`, so the cli and its workspace
// dependencies are built once before them.
export default mergeConfig(
  shared,
  defineConfig({
    test: { globalSetup: ['test/build-cli.ts'], testTimeout: 60_000 },
  }),
);
