import { defineConfig } from 'vitest/config';

// Workspace packages export their TypeScript source under the "source"
// condition, so tests run against src/ without a build step.
export default defineConfig({
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  test: {
    include: ['test/**/*.test.ts'],
    // CI runs every package's tests at once on two cores: a training test
    // that takes 2 s alone can take ten times that there.
    testTimeout: 60_000,
  },
});
