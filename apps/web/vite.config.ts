import { defaultClientConditions, defineConfig } from 'vite';

// gpu.js compiles kernels from their JavaScript source, and its parser
// breaks on what a minifier makes of them (a mangled loop variable
// shadowing an argument, folded expressions), so output is only stripped
// of whitespace and comments.
const output = { minify: { compress: false, mangle: false } } as const;

// Cross-origin isolation gives pages SharedArrayBuffer, which the wasm backend's worker pool needs;
// without these headers it runs on one thread.
const headers = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

// Workspace packages resolve to their TypeScript source ("source" condition),
// so dev, build and tests never need the packages built first.
export default defineConfig({
  resolve: { conditions: ['source', ...defaultClientConditions] },
  worker: { format: 'es', rolldownOptions: { output } },
  build: { target: 'es2022', chunkSizeWarningLimit: 1500, rolldownOptions: { output } },
  preview: { host: '127.0.0.1', headers },
  server: { host: '127.0.0.1', headers },
});
