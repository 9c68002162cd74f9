import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { regressionBounds, regressionChartConfig, regressionTitle } from '../src/index.js';

const x = Array.from({ length: 63 }, (_, i) => (i * 0.1 - Math.PI) / Math.PI);
const target = x.map((_, i) => Math.sin(i * 0.1));
const frame = {
  x,
  target,
  predictions: target.map((t) => t / 2),
  epoch: 200,
  epochs: 2001,
  error: 0.0123456789,
};

describe('regressionChartConfig', () => {
  it('draws the target as a dashed line and the predictions as "+" markers at the inputs', () => {
    const config = regressionChartConfig(frame);
    const [line, markers] = config.data.datasets;
    expect(line?.showLine).toBe(true);
    expect(line?.borderDash).toEqual([6, 4]);
    expect(line?.data[5]).toEqual({ x: x[5], y: target[5] });
    expect(markers?.showLine).toBe(false);
    expect(markers?.pointStyle).toBe('cross');
    expect(markers?.data[5]).toEqual({ x: x[5], y: (target[5] as number) / 2 });
  });

  it('titles the chart "Epoch i/N  Error e"', () => {
    expect(regressionTitle(frame)).toBe('Epoch 200/2001  Error 0.0123457');
    expect(regressionChartConfig(frame).options?.plugins?.title?.text).toBe(regressionTitle(frame));
    expect(regressionTitle({ epoch: 2000, epochs: 2001, error: 8.368066922303294e-6 })).toBe(
      'Epoch 2000/2001  Error 8.36807e-6',
    );
  });

  it('draws the target line left to right even when the rows are not sorted by x', () => {
    const config = regressionChartConfig({
      ...frame,
      x: [1, -1, 0],
      target: [3, 1, 2],
      predictions: [0, 0, 0],
    });
    expect(config.data.datasets[0]?.data.map((p) => p.x)).toEqual([-1, 0, 1]);
    expect(config.data.datasets[1]?.data.map((p) => p.x)).toEqual([1, -1, 0]);
  });

  it('fixes the axes from x and the target, whatever the predictions do', () => {
    const wild = regressionChartConfig({ ...frame, predictions: target.map((t) => t * 40) });
    expect(wild.options?.scales).toEqual(regressionChartConfig(frame).options?.scales);
    expect(regressionBounds(x, target)).toEqual({ x: [-1, 1], y: [-1.5, 1.5] });
  });

  it('is static, so Node and browsers draw the same pixels', () => {
    const { options } = regressionChartConfig(frame);
    expect(options?.animation).toBe(false);
    expect(options?.responsive).toBe(false);
  });

  it('rejects predictions that do not match x one to one', () => {
    expect(() => regressionChartConfig({ ...frame, predictions: [1, 2] })).toThrow(
      /63 x values but 2/,
    );
  });
});

describe('the browser entry', () => {
  // gifenc is plain JavaScript written for browsers, so encodeGif belongs here too.
  it('imports nothing Node-only (canvas, fs), so the web app can share the chart', () => {
    const dir = new URL('../src/', import.meta.url);
    const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));
    expect(files).toContain('regression-chart.ts');
    for (const file of files) {
      const source = readFileSync(new URL(file, dir), 'utf8');
      expect(source, file).not.toMatch(/from '(node:|@napi-rs|\.\/node)/);
    }
  });
});
