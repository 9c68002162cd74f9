import { configDefaults, defineConfig, mergeConfig } from 'vitest/config';
import shared from '../../tools/vitest.shared.ts';

export default mergeConfig(
  shared,
  defineConfig({
    test: {
      exclude: [...configDefaults.exclude, 'test/browser/**'],
      globalSetup: ['./test/setup/build-wasm.ts'],
    },
  }),
);
