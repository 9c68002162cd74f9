import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** vitest globalSetup: builds dist/bin.js and its workspace dependencies (turbo caches repeat builds). */
export default function setup(): void {
  execFileSync(
    'pnpm',
    ['turbo', 'run', 'build', '--filter', '@nn/cli...', '--output-logs=errors-only'],
    {
      cwd: fileURLToPath(new URL('../../../', import.meta.url)),
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
}
