import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GifReader } from 'omggif';
import { describe, expect, it } from 'vitest';
import { lastLine, lines, runNn, tempDir } from './run-nn.js';

function pngSize(bytes: Buffer): [number, number] {
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

/** Two features, a label that is text: below or above y = x. */
function labelledCsv(dir: string): string {
  const path = join(dir, 'points.csv');
  const rows = ['u,v,side'];
  for (let i = 0; i < 40; i++) {
    const u = ((i * 7) % 40) / 20 - 1;
    const v = ((i * 13) % 40) / 20 - 1;
    rows.push(`${u},${v},${v < u ? 'below' : 'above'}`);
  }
  writeFileSync(path, `${rows.join('\n')}\n`);
  return path;
}

describe.concurrent('nn train --example: pictures, models and data', () => {
  it('classification --gif has one frame per reported epoch; --png is the last, 480×520', async () => {
    const dir = tempDir();
    const { code, stderr } = await runNn(
      ['train', '--example', 'classification', '--seed', '1', '--gif', 'c.gif', '--png', 'c.png'],
      { cwd: dir },
    );
    expect(code, stderr).toBe(0);
    // Epochs 0, 10, …, 100.
    expect(new GifReader(readFileSync(join(dir, 'c.gif'))).numFrames()).toBe(11);
    expect(pngSize(readFileSync(join(dir, 'c.png')))).toEqual([480, 520]);
  });

  it('iris --gif grows the error curves, one frame per report; --png is the whole run', async () => {
    const dir = tempDir();
    const { code, stderr } = await runNn(
      [
        'train',
        '--example',
        'iris',
        '--seed',
        '1',
        '--epochs',
        '300',
        '--gif',
        'i.gif',
        '--png',
        'i.png',
      ],
      { cwd: dir },
    );
    expect(code, stderr).toBe(0);
    expect(new GifReader(readFileSync(join(dir, 'i.gif'))).numFrames()).toBe(3);
    expect(pngSize(readFileSync(join(dir, 'i.png')))).toEqual([480, 320]);
  });

  it('--save writes a version-2 model that nn predict answers with probabilities and a class', async () => {
    const dir = tempDir();
    const trained = await runNn(
      [
        'train',
        '--example',
        'iris',
        '--seed',
        '2',
        '--epochs',
        '200',
        '--dropout',
        '0.2',
        '--save',
        'm.json',
      ],
      { cwd: dir },
    );
    expect(trained.code, trained.stderr).toBe(0);
    const model = JSON.parse(readFileSync(join(dir, 'm.json'), 'utf8')) as {
      version: number;
      layers: { type: string; activation?: string }[];
    };
    expect(model.version).toBe(2);
    expect(model.layers.map((l) => l.type)).toEqual([
      'dense',
      'dropout',
      'dense',
      'dropout',
      'dense',
    ]);
    expect(model.layers.at(-1)?.activation).toBe('softmax');
    // Standardised Iris: a small setosa flower, then a large virginica, with and without labels.
    writeFileSync(join(dir, 'in.csv'), '-1,1,-1.3,-1.2,setosa\n1.5,0,1.3,1.4,virginica\n');
    const csv = await runNn(['predict', '--model', 'm.json', '--data', 'in.csv'], { cwd: dir });
    expect(csv.code, csv.stderr).toBe(0);
    const [header, ...rows] = lines(csv.stdout);
    expect(header).toBe('x1,x2,x3,x4,y1,y2,y3,class');
    const cells = rows.map((row) => row.split(',').map(Number));
    for (const row of cells) {
      const p = row.slice(4, 7);
      expect(Math.abs(p.reduce((a, b) => a + b) - 1)).toBeLessThan(1e-12);
      expect(row[7]).toBe(p.indexOf(Math.max(...p)));
    }
    expect(cells.map((row) => row[7])).toEqual([0, 2]);
    writeFileSync(join(dir, 'bare.csv'), '-1,1,-1.3,-1.2\n');
    const json = await runNn(['predict', '--model', 'm.json', '--data', 'bare.csv', '--json'], {
      cwd: dir,
    });
    expect(json.code, json.stderr).toBe(0);
    const record = JSON.parse(json.stdout) as { x: number[]; y: number[]; class: number };
    expect(record.x).toEqual([-1, 1, -1.3, -1.2]);
    expect(record.y).toHaveLength(3);
    expect(record.class).toBe(0);
  });

  it('classification --data: any labels, classes in sorted order, named on stderr and in --json', async () => {
    const dir = tempDir();
    const path = labelledCsv(dir);
    const text = await runNn([
      'train',
      '--example',
      'classification',
      '--data',
      path,
      '--seed',
      '1',
      '--epochs',
      '21',
    ]);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stderr).toContain('nn: classes 0=above 1=below\n');
    expect(lines(text.stdout)).toHaveLength(3);
    const json = await runNn([
      ...['train', '--example', 'classification', '--data', path, '--seed', '1', '--epochs', '21'],
      ...['--standardize', '--json'],
    ]);
    const done = JSON.parse(lines(json.stdout).at(-1) as string) as { classes: string[] };
    expect(done.classes).toEqual(['above', 'below']);
  });

  it('iris --data trains on the even rows and tests on the odd ones', async () => {
    const dir = tempDir();
    const { code, stdout, stderr } = await runNn([
      'train',
      '--example',
      'iris',
      '--data',
      labelledCsv(dir),
      '--seed',
      '1',
      '--epochs',
      '101',
    ]);
    expect(code, stderr).toBe(0);
    expect(lines(stdout).at(-1)).toMatch(/^Accuracy Train: \S+% Accuracy Test: \S+%$/);
  });

  it.each([
    [
      ['--example', 'mnist'],
      '--example "mnist" is not valid; it must be one of regression, classification, iris',
    ],
    [
      ['--optimizer', 'lbfgs'],
      '--optimizer "lbfgs" is not valid; it must be one of sgd, momentum, adagrad, rmsprop, adam',
    ],
    [['--dropout', '1'], '--dropout "1" is not valid; it must be a number ≥ 0 and < 1'],
    [
      ['--standardize'],
      '--standardize scales the features of --data for --example classification or iris',
    ],
  ])('refuses %j as bad usage (exit 2)', async (args, message) => {
    const { code, stdout, stderr } = await runNn(['train', ...args]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(lastLine(stderr)).toBe(`nn: ${message}`);
  });

  it('refuses a --png of classification data that is not 2 features and 2 classes, before training', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'three.csv'), '0,0,a\n1,1,b\n0,1,c\n');
    const { code, stdout, stderr } = await runNn(
      ['train', '--example', 'classification', '--data', 'three.csv', '--png', 'x.png'],
      { cwd: dir },
    );
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(lastLine(stderr)).toBe(
      'nn: --gif and --png draw the §5.10 chart, 2 features and 2 classes; this data has 2 features and 3 classes',
    );
  });
});
