import { defaultClientConditions, defineConfig } from 'vite';

// Workspace packages resolve to their TypeScript source ("source" condition),
// so dev, build and tests never need the packages built first.
export default defineConfig({
  resolve: { conditions: ['source', ...defaultClientConditions] },
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 1500 },
  preview: { host: '127.0.0.1' },
  server: { host: '127.0.0.1' },
});
