import { defineConfig, mergeConfig } from 'vitest/config';
import shared from '../../tools/vitest.shared.ts';

// headless-gl needs an X display: the global setup starts Xvfb when DISPLAY is unset.
export default mergeConfig(
  shared,
  defineConfig({
    test: {
      globalSetup: ['./test/setup/xvfb.ts'],
      // One GL context per test file at a time: llvmpipe is CPU-bound anyway.
      fileParallelism: false,
      testTimeout: 120_000,
    },
  }),
);
