import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * vitest globalSetup: builds dist/bin.js and the workspace packages it runs
 * on, in dependency order. --filter-prod leaves out dev-only packages (the
 * conformance suite), which the built cli never loads.
 */
export default function setup(): void {
  execFileSync('pnpm', ['--filter-prod', '@nn/cli...', '--reporter=silent', 'run', 'build'], {
    cwd: fileURLToPath(new URL('../../../', import.meta.url)),
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}
