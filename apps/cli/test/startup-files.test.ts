import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { runNn, tempDir } from './run-nn.js';

const REGISTER = fileURLToPath(new URL('./resolve-log/register.mjs', import.meta.url));

// Loading one module per source file was most of `nn train`'s start-up
// (issue 9); the builds bundle each package's entry into one file.
it('the default nn train loads @nn code from a few bundled files, not one per source module', async () => {
  const dir = tempDir();
  const log = join(dir, 'resolved.txt');
  const { code, stderr } = await runNn(['train', '--seed', '1', '--epochs', '2'], {
    cwd: dir,
    nodeArgs: ['--import', REGISTER],
    env: { NN_RESOLVE_LOG: log },
  });
  expect(code, stderr).toBe(0);
  const files = new Set(
    readFileSync(log, 'utf8')
      .split('\n')
      .filter((url) => url.startsWith('file:')),
  );
  // The cli's bin, core and backend-cpu (about 65 modules unbundled), and each
  // catalog backend's light descriptor modules (9 files in all as written).
  expect([...files].length, [...files].join('\n')).toBeLessThanOrEqual(10);
  expect([...files].some((url) => url.endsWith('/packages/core/dist/index.js'))).toBe(true);
});
