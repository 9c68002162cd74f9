import { closeSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { collect, runNn, spawnNn, tempDir } from './run-nn.js';

/** Runs nn with one of its streams on /dev/full, where every write fails with ENOSPC. */
async function withFull(args: string[], stream: 'stdout' | 'stderr') {
  const full = openSync('/dev/full', 'w');
  try {
    const stdio = stream === 'stdout' ? ['ignore', full, 'pipe'] : ['ignore', 'pipe', full];
    return await runNn(args, { stdio: stdio as ['ignore', number, 'pipe'] });
  } finally {
    closeSync(full);
  }
}

/** Every command that prints on stdout; predict's model comes from a train run in beforeAll. */
const PRINTING = [
  ['train', '--epochs', '3', '--seed', '1'],
  ['train', '--epochs', '3', '--seed', '1', '--json'],
  ['predict', '--model', 'MODEL', '--x', '1'],
  ['--help'],
  ['--version'],
  ['train', '--help'],
  ['backends'],
].map((args) => ({ args, name: args.join(' ') }));

describe.concurrent('stdout that cannot be written', () => {
  const dir = tempDir();
  const model = join(dir, 'model.json');
  beforeAll(async () => {
    expect((await runNn(['train', '--epochs', '2', '--save', model])).code).toBe(0);
  });
  const withModel = (args: string[]) => args.map((arg) => (arg === 'MODEL' ? model : arg));

  it.each(PRINTING)('nn $name > /dev/full: one line, exit 1 (issue 13, 5)', async ({ args }) => {
    const { code, stderr } = await withFull(withModel(args), 'stdout');
    expect(code).toBe(1);
    expect(stderr.split('\n').filter((line) => line !== '')).toEqual([
      'nn: cannot write to stdout: ENOSPC: no space left on device, write',
    ]);
  });

  it.each(PRINTING)(
    'nn $name with stdout closed by its reader: stops quietly, exit 0 (issue 13, 5)',
    async ({ args }) => {
      const child = spawnNn(withModel(args));
      child.stdout?.destroy();
      const { code, stderr } = await collect(child);
      expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    },
  );

  it('stops training when the reader goes: `nn train --interval 1 | head -1` ends (issue 13, 6)', async () => {
    const child = spawnNn(['train', '--epochs', '1000000000', '--interval', '1', '--seed', '1']);
    const first = await new Promise<string>((resolve) => {
      child.stdout?.setEncoding('utf8').once('data', (chunk: string) => resolve(chunk));
    });
    expect(first).toMatch(/^Epoch:0\/1000000000 Error:/);
    child.stdout?.destroy();
    const { code, signal, stderr } = await collect(child);
    expect({ code, signal, stderr }).toEqual({ code: 0, signal: null, stderr: '' });
  });
});

describe.concurrent('stderr that cannot be written', () => {
  it('keeps the exit code: 2 for a usage error, 1 for a failure (issue 13, 21)', async () => {
    expect((await withFull(['train', '--hidden', '0'], 'stderr')).code).toBe(2);
    expect(
      (await withFull(['predict', '--model', 'missing.json', '--x', '1'], 'stderr')).code,
    ).toBe(1);
    const ok = await withFull(['train', '--epochs', '2'], 'stderr');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^Epoch:0\/2 /);
  });
});
