import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { CHROMIUM_ARGS, CHROMIUM_PATH, WEBGPU_ARGS } from '../../tools/chromium.ts';

// The suite in headless Chromium (WebGL2 through ANGLE on SwiftShader, WebGPU on
// SwiftShader's Vulkan): Debian's chromium driven by playwright, which downloads
// no browser of its own.
// Not merged with tools/vitest.shared.ts: merging would add its Node test files to `include`.
export default defineConfig({
  resolve: { conditions: ['source'] },
  test: {
    include: ['test/browser/**/*.test.ts'],
    testTimeout: 300_000,
    browser: {
      enabled: true,
      headless: true,
      provider: playwright({
        launchOptions: {
          executablePath: CHROMIUM_PATH,
          args: [...CHROMIUM_ARGS, ...WEBGPU_ARGS],
        },
      }),
      instances: [{ browser: 'chromium' }],
    },
  },
});
