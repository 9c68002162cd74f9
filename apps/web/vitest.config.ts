import { defineConfig } from 'vitest/config';
import shared from '../../tools/vitest.shared.ts';

// Two projects: unit tests in Node, and end-to-end tests that drive the
// built site in headless Chromium (their globalSetup builds it and serves it).
// Only the shared resolve settings are taken: its test include would add up.
const resolve = { resolve: shared.resolve, ssr: shared.ssr };

export default defineConfig({
  test: {
    projects: [
      { ...resolve, test: { name: 'unit', include: ['test/*.test.ts'] } },
      {
        ...resolve,
        test: {
          name: 'e2e',
          include: ['test/e2e/*.test.ts'],
          globalSetup: ['test/e2e/serve-build.ts'],
          testTimeout: 120_000,
          // One Chromium at a time: two SwiftShader-heavy files at once starve each other on 2 cores.
          fileParallelism: false,
          hookTimeout: 60_000,
          // The page answers within a slice, but a backend switch loads gpu.js and a
          // WebGL context first: on a busy CI machine that takes seconds, not poll's 1 s.
          expect: { poll: { timeout: 30_000 } },
        },
      },
    ],
  },
});
