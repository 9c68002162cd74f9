import { configDefaults, defineConfig, mergeConfig } from 'vitest/config';
import shared from '../../tools/vitest.shared.ts';

// headless-gl needs an X display: the global setup starts Xvfb when DISPLAY is unset.
export default mergeConfig(
  shared,
  defineConfig({
    test: {
      exclude: [...configDefaults.exclude, 'test/browser/**'],
      globalSetup: ['./test/setup/xvfb.ts'],
      // One GL context at a time: llvmpipe renders on the CPU cores vitest would share.
      fileParallelism: false,
      testTimeout: 120_000,
    },
  }),
);
