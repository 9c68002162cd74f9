import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../tools/chromium.ts';

// Cross-origin isolation, so the page has SharedArrayBuffer and the worker pool runs (a page
// without these headers gets one thread).
const ISOLATION_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

// The suite in headless Chromium: Debian's chromium driven by playwright, which downloads no browser.
// Not merged with tools/vitest.shared.ts: merging would add its Node test files to `include`.
export default defineConfig({
  resolve: { conditions: ['source'] },
  server: { headers: ISOLATION_HEADERS },
  test: {
    // mat-mul.test.ts needs no Node API: its large products run on the browser's worker pool too.
    include: ['test/browser/**/*.test.ts', 'test/mat-mul.test.ts'],
    globalSetup: ['./test/setup/build-wasm.ts'],
    testTimeout: 300_000,
    browser: {
      enabled: true,
      headless: true,
      provider: playwright({
        launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
      }),
      instances: [{ browser: 'chromium' }],
    },
  },
});
