import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lastLine, runNn, tempDir } from './run-nn.js';

describe.concurrent('a run that diverges fails, names the cause and saves nothing', () => {
  const LOWER_ETA = 'lower the learning rate (eta), e.g. to a tenth, or scale the data';

  it('catches weights made non-finite by the last update, though every loss was finite (issue 13, 2)', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 't.csv'), '0.5,10\n');
    const runs = [
      ['--data', 't.csv', '--epochs', '1', '--eta', '1e308', '--seed', '1'],
      [
        '--precision',
        'float32',
        '--epochs',
        '1',
        '--batch-size',
        '100',
        '--eta',
        '1e40',
        '--seed',
        '1',
      ],
    ];
    for (const args of runs) {
      const { code, stderr } = await runNn(['train', ...args, '--save', 'm.json'], { cwd: dir });
      expect(code, stderr).toBe(1);
      expect(lastLine(stderr)).toMatch(
        new RegExp(
          `^nn: training diverged: the last updates made the weights (-?Infinity|NaN); ${LOWER_ETA.replace(/[().]/g, '\\$&')} \\(this run: --eta 1e\\+(308|40)\\)$`,
        ),
      );
      expect(existsSync(join(dir, 'm.json'))).toBe(false);
    }
  });

  it('says the initial weights are the cause when the untrained network already overflows (issue 13, 11)', async () => {
    const { code, stderr } = await runNn(['train', '--wb-width', '1e308', '--seed', '1']);
    expect(code).toBe(1);
    expect(lastLine(stderr)).toBe(
      "nn: training diverged: the initial weights are too large: with --wb-width 1e+308 the untrained network's error already overflows float64; lower --wb-width (the default is 0.01)",
    );
  });

  it('says the data is the cause when it overflows with the default initial weights too', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'huge.csv'), '0.5,1e200\n0.25,-1e200\n');
    const { code, stderr } = await runNn(['train', '--data', 'huge.csv', '--seed', '1'], {
      cwd: dir,
    });
    expect(code).toBe(1);
    expect(lastLine(stderr)).toBe(
      "nn: training diverged: the untrained network's error already overflows float64: the data's values are too large; scale them (e.g. to [-1, 1])",
    );
  });

  it('keeps the advice to lower eta when the learning rate is the cause', async () => {
    const { code, stderr } = await runNn([
      'train',
      '--wb-width',
      '2',
      '--eta',
      '100',
      '--seed',
      '1',
      '--epochs',
      '50',
    ]);
    expect(code).toBe(1);
    expect(lastLine(stderr)).toMatch(
      /^nn: training diverged: the loss became \S+ at epoch \d+; lower the learning rate/,
    );
    expect(lastLine(stderr)).toMatch(/\(this run: --eta 100\)$/);
  });
});
