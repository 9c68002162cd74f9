import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runNn, tempDir } from './run-nn.js';

const REGISTER = fileURLToPath(new URL('./resolve-log/register.mjs', import.meta.url));
const CHART_CODE = /\/packages\/viz\/|@napi-rs|chart\.js|gifenc/;
// gpujs's descriptor and its mode list are light by design (the catalog reads them for
// flags and help); gpu.js and the backend's kernels are what must stay unloaded.
const GPUJS = /\/gpu\.js\/|\/packages\/backend-gpujs\/(?!dist\/(descriptor|modes)\.js$)/;
const GPUJS_DESCRIPTOR = /\/packages\/backend-gpujs\/dist\/descriptor\.js$/;

/** The URLs of every module an `nn` run resolved. */
async function resolvedBy(args: string[]): Promise<string[]> {
  const dir = tempDir();
  const log = join(dir, 'resolved.txt');
  const { code, stderr } = await runNn(args, {
    cwd: dir,
    nodeArgs: ['--import', REGISTER],
    env: { NN_RESOLVE_LOG: log, DISPLAY: '' },
  });
  expect(code, stderr).toBe(0);
  return readFileSync(log, 'utf8')
    .split('\n')
    .filter((url) => url !== '');
}

describe.concurrent('nn train loads only what it uses (issue 9)', () => {
  it('the default run resolves neither chart and GIF code nor gpu.js', async () => {
    const urls = await resolvedBy(['train', '--seed', '1', '--epochs', '2']);
    // The log sees the run's own modules, so an empty match below means something.
    expect(urls.some((url) => url.includes('/packages/core/'))).toBe(true);
    expect(urls.some((url) => url.includes('/packages/backend-cpu/'))).toBe(true);
    expect(urls.filter((url) => CHART_CODE.test(url) || GPUJS.test(url))).toEqual([]);
    expect(urls.some((url) => GPUJS_DESCRIPTOR.test(url))).toBe(true);
  });

  it('--png loads the chart code, and still no gpu.js', async () => {
    const urls = await resolvedBy(['train', '--seed', '1', '--epochs', '2', '--png', 'fit.png']);
    expect(urls.some((url) => CHART_CODE.test(url))).toBe(true);
    expect(urls.filter((url) => GPUJS.test(url))).toEqual([]);
  });

  it('--backend gpujs loads gpu.js, and no chart code', async () => {
    const urls = await resolvedBy([
      'train',
      '--seed',
      '1',
      '--epochs',
      '2',
      '--backend',
      'gpujs',
      '--mode',
      'cpu',
    ]);
    expect(urls.some((url) => GPUJS.test(url))).toBe(true);
    expect(urls.filter((url) => CHART_CODE.test(url))).toEqual([]);
  });
});
