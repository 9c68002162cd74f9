import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';

// The suite in headless Chromium (WebGL2 through ANGLE on SwiftShader): Debian's
// chromium driven by playwright, which downloads no browser of its own.
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
          executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
          args: [
            '--headless=new',
            '--no-sandbox',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
          ],
        },
      }),
      instances: [{ browser: 'chromium' }],
    },
  },
});
