import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GifReader } from 'omggif';
import { describe, expect, it } from 'vitest';
import { lines, runNn, tempDir } from './run-nn.js';

function pngSize(bytes: Buffer): [number, number] {
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

function countDiffering(a: Uint8Array, b: Uint8Array): number {
  let count = 0;
  for (let i = 0; i < a.length; i += 4)
    if (a[i] !== b[i] || a[i + 1] !== b[i + 1] || a[i + 2] !== b[i + 2]) count++;
  return count;
}

describe('nn train --gif --png --save', () => {
  const dir = tempDir();
  const run = runNn(
    ['train', '--seed', '2', '--gif', 'fit.gif', '--png', 'fit.png', '--save', 'model.json'],
    {
      cwd: dir,
    },
  );

  it('writes an animated GIF: a 480×320 frame per interval, looping, frames drawn and changing', async () => {
    const { code, stdout } = await run;
    expect(code).toBe(0);
    expect(lines(stdout)).toHaveLength(11);
    const reader = new GifReader(readFileSync(join(dir, 'fit.gif')));
    expect(reader.numFrames()).toBe(11);
    expect([reader.width, reader.height]).toEqual([480, 320]);
    expect(reader.loopCount()).toBe(0);
    const frames = [0, 10].map((i) => {
      const pixels = new Uint8Array(480 * 320 * 4);
      reader.decodeAndBlitFrameRGBA(i, pixels);
      return pixels;
    });
    const white = new Uint8Array(480 * 320 * 4).fill(255);
    expect(countDiffering(frames[0] as Uint8Array, white)).toBeGreaterThan(5000);
    expect(countDiffering(frames[0] as Uint8Array, frames[1] as Uint8Array)).toBeGreaterThan(500);
  });

  it('writes the final fit as a PNG, the model as JSON, and leaves no temporary files', async () => {
    await run;
    expect(pngSize(readFileSync(join(dir, 'fit.png')))).toEqual([480, 320]);
    const model = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8'));
    expect(model).toMatchObject({ format: 'nn-model', version: 1 });
    expect(model.layers.map((l: { units: number }) => l.units)).toEqual([3, 1]);
    expect(readdirSync(dir).sort()).toEqual(['fit.gif', 'fit.png', 'model.json']);
  });

  it('draws a GIF frame for an off-interval last epoch too', async () => {
    const other = tempDir();
    const { code } = await runNn(
      ['train', '--epochs', '12', '--interval', '5', '--gif', 'short.gif'],
      { cwd: other },
    );
    expect(code).toBe(0);
    expect(new GifReader(readFileSync(join(other, 'short.gif'))).numFrames()).toBe(4);
  });
});

describe('nn predict', () => {
  const dir = tempDir();
  const trained = runNn(['train', '--seed', '4', '--epochs', '300', '--save', 'model.json'], {
    cwd: dir,
  });

  /** The saved 1-3-1 sigmoid network, evaluated by hand: y = w2 · sigmoid(x w1 + b1) + b2. */
  function byHand(x: number): number {
    const [hidden, output] = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8')).layers;
    let y = output.bias[0];
    for (let j = 0; j < 3; j++) {
      const u = x * hidden.weights[0][j] + hidden.bias[j];
      y += output.weights[j][0] / (1 + Math.exp(-u));
    }
    return y;
  }

  it('runs a saved model on --x values and prints x,y rows', async () => {
    expect((await trained).code).toBe(0);
    const { code, stdout } = await runNn(
      ['predict', '--model', 'model.json', '--x', '0.5', '--x=-0.25,0'],
      { cwd: dir },
    );
    expect(code).toBe(0);
    const [header, ...rows] = lines(stdout);
    expect(header).toBe('x,y');
    expect(rows.map((row) => Number(row.split(',')[0]))).toEqual([0.5, -0.25, 0]);
    for (const row of rows) {
      const [x, y] = row.split(',').map(Number) as [number, number];
      expect(y).toBeCloseTo(byHand(x), 12);
    }
  });

  it('reads inputs from a CSV (targets may follow) and answers in NDJSON with --json', async () => {
    await trained;
    writeFileSync(join(dir, 'inputs.csv'), 'x,t\n0.1,0.3\n-0.9,0.2\n');
    const { code, stdout } = await runNn(
      ['predict', '--model', 'model.json', '--data', 'inputs.csv', '--json'],
      {
        cwd: dir,
      },
    );
    expect(code).toBe(0);
    const records = lines(stdout).map((line) => JSON.parse(line) as { x: number; y: number });
    expect(records.map((r) => r.x)).toEqual([0.1, -0.9]);
    expect(records[1]?.y).toBeCloseTo(byHand(-0.9), 12);
  });

  it('trains on --data and predicts on the same file', async () => {
    const csv = join(dir, 'line.csv');
    writeFileSync(
      csv,
      Array.from({ length: 20 }, (_, i) => `${i / 20},${(2 * i) / 20 - 0.5}`).join('\n'),
    );
    const train = await runNn(
      ['train', '--data', csv, '--epochs', '50', '--interval', '49', '--save', 'line.json'],
      {
        cwd: dir,
      },
    );
    expect(train.code).toBe(0);
    expect(lines(train.stdout)).toHaveLength(2);
    const predict = await runNn(['predict', '--model', 'line.json', '--data', csv], { cwd: dir });
    expect(lines(predict.stdout)).toHaveLength(21);
  });
});
