import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, watch, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findDescendant, isRunning, waitFor } from './processes.js';
import { collect, spawnNn, tempDir } from './run-nn.js';

const hasXvfb = (() => {
  try {
    execFileSync('sh', ['-c', 'command -v Xvfb'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/** Stops every Xvfb a test left, so that a failing test leaves no display server behind. */
function stopAll(pids: number[]): void {
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Already gone: what the test wanted.
    }
  }
}

describe.skipIf(!hasXvfb)(
  'Xvfb started for the benchmarks ends with its parent (issue 13, 9)',
  () => {
    it('nn bench --quick, interrupted with SIGINT once its Xvfb runs, leaves no Xvfb', async () => {
      const nn = spawnNn(['bench', '--quick'], { env: { DISPLAY: '' } });
      const done = collect(nn);
      const pid = nn.pid as number;
      let xvfb: number | undefined;
      try {
        xvfb = await waitFor('nn bench to start Xvfb', 240, () => findDescendant(pid, 'Xvfb'));
        nn.kill('SIGINT');
        expect((await done).signal).toBe('SIGINT');
        await waitFor('Xvfb to end', 30, () => (isRunning(xvfb as number) ? undefined : true));
      } finally {
        nn.kill('SIGKILL');
        if (xvfb !== undefined) stopAll([xvfb]);
      }
    }, 300_000);

    const benchModule = fileURLToPath(
      new URL('../../../tools/xvfb/dist/index.js', import.meta.url),
    );
    const HOLD_XVFB = `
    const { startXvfb } = await import(process.argv[1]);
    const server = await startXvfb();
    process.stdout.write(server.display + '\\n');
    setInterval(() => {}, 1000);
  `;

    it.each(['SIGTERM', 'SIGKILL'] as const)(
      'a process that started Xvfb and ends by %s takes it along',
      async (signal) => {
        const { spawn } = await import('node:child_process');
        const holder = spawn(
          process.execPath,
          ['--input-type=module', '-e', HOLD_XVFB, benchModule],
          {
            stdio: ['ignore', 'pipe', 'inherit'],
            env: { ...process.env, DISPLAY: '' },
          },
        );
        const pid = holder.pid as number;
        let xvfb: number | undefined;
        try {
          await new Promise((resolve) => holder.stdout.once('data', resolve));
          xvfb = await waitFor('Xvfb', 30, () => findDescendant(pid, 'Xvfb'));
          holder.kill(signal);
          await waitFor('Xvfb to end', 30, () => (isRunning(xvfb as number) ? undefined : true));
        } finally {
          holder.kill('SIGKILL');
          if (xvfb !== undefined) stopAll([xvfb]);
        }
      },
    );
  },
);

describe('a signal during the final write (issue 13, 20)', () => {
  it('removes the temporary file and ends by the signal, whole model or none', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'one.csv'), '0.5,0.25\n');
    // 2000,2000 is about 4 million weights: a model file of some 130 MB takes a while to write.
    const nn = spawnNn(
      [
        'train',
        '--data',
        'one.csv',
        '--hidden',
        '2000,2000',
        '--epochs',
        '1',
        '--seed',
        '1',
        '--save',
        'model.json',
      ],
      { cwd: dir },
    );
    const done = collect(nn);
    // The outputs were checked (with a probe file) before training printed its first line.
    const started = await Promise.race([
      new Promise<true>((resolve) => nn.stdout?.once('data', () => resolve(true))),
      done,
    ]);
    expect(started, 'nn ended before training').toBe(true);
    const watcher = watch(dir, (_, name) => {
      if (name?.endsWith('.tmp')) nn.kill('SIGINT');
    });
    try {
      const { code, signal } = await done;
      expect({ code, signal }).toEqual({ code: null, signal: 'SIGINT' });
    } finally {
      watcher.close();
    }
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    if (existsSync(join(dir, 'model.json'))) {
      expect(JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8')).format).toBe('nn-model');
    }
  }, 120_000);
});
