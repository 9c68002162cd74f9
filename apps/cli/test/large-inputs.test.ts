import {
  closeSync,
  existsSync,
  ftruncateSync,
  mkdirSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collect, lastLine, lines, runNn, spawnNn, tempDir } from './run-nn.js';

/** n rows of x in [-1, 1) and sin(3x), 6 decimals: about 19 bytes a row. */
function sinRows(n: number): string {
  const rows: string[] = [];
  for (let i = 0; i < n; i++) {
    const x = -1 + (2 * i) / n;
    rows.push(`${x.toFixed(6)},${Math.sin(3 * x).toFixed(6)}`);
  }
  return `${rows.join('\n')}\n`;
}

describe.concurrent('large inputs', () => {
  it('charts a large data set from a bounded sample: 200,000 rows and --png in a 64 MB heap (issue 13, 7)', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'rows.csv'), sinRows(200_000));
    const { code, stderr } = await runNn(
      [
        'train',
        '--data',
        'rows.csv',
        '--epochs',
        '1',
        '--batch-size',
        '1000',
        '--eta',
        '0.0001',
        '--seed',
        '1',
        '--png',
        'fit.png',
      ],
      { cwd: dir, nodeArgs: ['--max-old-space-size=64'] },
    );
    expect(code, stderr).toBe(0);
    expect(readFileSync(join(dir, 'fit.png')).subarray(1, 4).toString('latin1')).toBe('PNG');
  });

  it('writes the model before the charts, so a chart that fails loses no model (issue 13, 7)', async () => {
    const dir = tempDir();
    const charts = join(dir, 'charts');
    mkdirSync(charts);
    const child = spawnNn(
      [
        'train',
        '--epochs',
        '3000',
        '--interval',
        '1000',
        '--seed',
        '1',
        '--png',
        join(charts, 'fit.png'),
        '--save',
        'model.json',
      ],
      { cwd: dir },
    );
    // The chart's folder goes once training has started, after the outputs were checked.
    child.stdout?.once('data', () => rmSync(charts, { recursive: true }));
    const { code, stderr } = await collect(child);
    expect(code).toBe(1);
    expect(lastLine(stderr)).toMatch(/^nn: cannot write .*fit\.png: ENOENT/);
    expect(JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8')).format).toBe('nn-model');
  });

  it('bounds the whole network, saying what fits: 40 layers of 4096 are refused at once (issue 13, 8)', async () => {
    const hidden = Array(40).fill(4096).join(',');
    const { code, stdout, stderr } = await runNn(['train', '--hidden', hidden]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(lastLine(stderr)).toBe(
      'nn: --hidden "4096,4096,4096,4096,4096,4096,4096,4096,"… (199 characters) makes a network of 654,483,457 parameters; at most 10,000,000 fit in memory: 40 hidden layers of up to 505 units do',
    );
  });

  it('trains, saves and predicts with layers as large as it allows, and refuses the next size up', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'two.csv'), '0.5,0.25\n0.1,0.3\n');
    const args = ['--data', 'two.csv', '--hidden', '3000,3000', '--epochs', '1', '--seed', '1'];
    const fits = await runNn(['train', ...args, '--save', 'big.json'], { cwd: dir });
    expect(fits.code, fits.stderr).toBe(0);
    const predicted = await runNn(['predict', '--model', 'big.json', '--x', '0.5'], { cwd: dir });
    expect(predicted.code, predicted.stderr).toBe(0);
    expect(lines(predicted.stdout)[1]).toMatch(/^0\.5,-?\d/);
    const tooBig = await runNn(['train', '--hidden', '3200,3200']);
    expect(tooBig.code).toBe(2);
    expect(lastLine(tooBig.stderr)).toMatch(
      /at most 10,000,000 fit in memory: 2 hidden layers of up to 31\d\d units do$/,
    );
  });

  it('bounds a batch of activations too, saying which batch size fits', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'rows.csv'), sinRows(20_000));
    const { code, stderr } = await runNn(
      ['train', '--data', 'rows.csv', '--hidden', '4000', '--batch-size', '20000'],
      { cwd: dir },
    );
    expect(code).toBe(1);
    expect(lastLine(stderr)).toBe(
      'nn: batches of 20000 rows (--batch-size 20000) through --hidden 4000 hold 80,040,000 values; at most 33,554,432 fit in memory: use --batch-size 8384 or less',
    );
  });

  it('refuses a CSV over the size limit by its size, before reading it (issue 13, 12)', async () => {
    const dir = tempDir();
    const path = join(dir, 'big.csv');
    const fd = openSync(path, 'w');
    ftruncateSync(fd, 630 * 2 ** 20);
    closeSync(fd);
    const { code, stderr } = await runNn(['train', '--data', path]);
    expect(code).toBe(1);
    expect(lastLine(stderr)).toBe(
      `nn: ${path}: it is 630 MiB; CSV files of up to 256 MiB can be read: keep fewer rows`,
    );
  });

  it('refuses an endless stream early: /dev/zero has no line end, /dev/urandom no rows of numbers (issue 13, 12)', async () => {
    const zero = await runNn(['train', '--data', '/dev/zero']);
    expect(zero.code).toBe(1);
    expect(lastLine(zero.stderr)).toBe(
      'nn: /dev/zero:1:1: the line is longer than 1048576 characters; a row holds a few numbers: is this a CSV file?',
    );
    const random = await runNn(['train', '--data', '/dev/urandom']);
    expect(random.code).toBe(1);
    // Within the first lines: line 1 may pass as a header and a blank line (two newline bytes, 1 in 256) is skipped.
    expect(lastLine(random.stderr)).toMatch(/^nn: \/dev\/urandom:\d:\d+: /);
    expect(lastLine(random.stderr).length).toBeLessThan(300);
  });

  it('cuts a long bad value in the message: a 10 MB cell, a 100 kB cell (issue 13, 13)', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'cell.csv'), `x,y\n1,2\n3,${'9'.repeat(10 * 2 ** 20)}x\n`);
    writeFileSync(join(dir, 'short.csv'), `x,y\n1,2\n3,${'9'.repeat(100_000)}x\n`);
    const long = await runNn(['train', '--data', 'cell.csv'], { cwd: dir });
    expect(long.code).toBe(1);
    expect(lastLine(long.stderr)).toBe(
      'nn: cell.csv:3:1: the line is longer than 1048576 characters; a row holds a few numbers: is this a CSV file?',
    );
    const short = await runNn(['train', '--data', 'short.csv'], { cwd: dir });
    expect(short.code).toBe(1);
    expect(lastLine(short.stderr)).toBe(
      `nn: short.csv:3:3: "${'9'.repeat(40)}"… (100001 characters) is not a finite number`,
    );
    expect(existsSync(join(dir, 'cell.csv'))).toBe(true);
  });

  it('cuts a long flag value in a usage error, and reads a long run of digits at once', async () => {
    const { code, stderr } = await runNn(['train', '--eta', `${'9'.repeat(100_000)}x`]);
    expect(code).toBe(2);
    expect(lastLine(stderr)).toBe(
      `nn: --eta "${'9'.repeat(40)}"… (100001 characters) is not valid; it must be a number > 0`,
    );
  });
});
