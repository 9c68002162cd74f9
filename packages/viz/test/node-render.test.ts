import { GlobalFonts } from '@napi-rs/canvas';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import type { RegressionFrame } from '../src/index.js';
import {
  BUNDLED_FONT_FAMILY,
  encodeGif,
  GifWriter,
  registerBundledFont,
  renderRegressionGif,
  renderRegressionPng,
} from '../src/node/index.js';
import { decodeGif, nonWhitePixels } from './pixels.js';

const x = Array.from({ length: 63 }, (_, i) => (i * 0.1 - Math.PI) / Math.PI);
const target = x.map((_, i) => Math.sin(i * 0.1));
const frames: RegressionFrame[] = Array.from({ length: 11 }, (_, k) => ({
  x,
  target,
  predictions: target.map((t) => (t * k) / 10),
  epoch: k * 200,
  epochs: 2001,
  error: 0.3 / (k + 1),
}));

describe('renderRegressionGif', () => {
  const gif = renderRegressionGif(frames);
  const { reader, frames: decoded } = decodeGif(gif);

  it('writes one 480×320 frame per training frame, looping forever', () => {
    expect(reader.numFrames()).toBe(11);
    expect([reader.width, reader.height]).toEqual([480, 320]);
    expect(reader.loopCount()).toBe(0);
    expect(reader.frameInfo(0).delay).toBe(50);
    expect(reader.frameInfo(10).delay).toBe(200);
  });

  it('draws on an opaque white page, and every frame has a chart on it', () => {
    for (const pixels of decoded) {
      expect(pixels.slice(0, 4)).toEqual(new Uint8Array([255, 255, 255, 255]));
      expect(nonWhitePixels(pixels)).toBeGreaterThan(5000);
    }
  });

  it('changes as the predictions move: the last frame differs from the first', () => {
    const first = decoded[0] as Uint8Array;
    const last = decoded[10] as Uint8Array;
    let differing = 0;
    for (let i = 0; i < first.length; i += 4) {
      if (first[i] !== last[i] || first[i + 1] !== last[i + 1] || first[i + 2] !== last[i + 2])
        differing++;
    }
    expect(differing).toBeGreaterThan(1000);
  });
});

describe('renderRegressionPng', () => {
  it('writes a PNG of the requested size with the chart drawn', () => {
    const png = PNG.sync.read(
      renderRegressionPng(frames[10] as RegressionFrame, { width: 640, height: 400 }),
    );
    expect([png.width, png.height]).toEqual([640, 400]);
    expect(nonWhitePixels(png.data)).toBeGreaterThan(5000);
  });

  it('rejects sizes that are not sensible pixel counts', () => {
    expect(() =>
      renderRegressionPng(frames[0] as RegressionFrame, { width: 0, height: 300 }),
    ).toThrow(/width 0/);
  });
});

describe('the bundled font', () => {
  it('is registered with the canvas from the package, not from the system', () => {
    expect(registerBundledFont()).toBe(BUNDLED_FONT_FAMILY);
    expect(GlobalFonts.has(BUNDLED_FONT_FAMILY)).toBe(true);
  });
});

describe('encodeGif', () => {
  it('refuses frames of the wrong size and an empty list', () => {
    expect(() => encodeGif([], { width: 2, height: 2 })).toThrow(/at least one frame/);
    expect(() => encodeGif([new Uint8ClampedArray(8)], { width: 2, height: 2 })).toThrow(
      /frame 0 has 8 bytes/,
    );
  });
});

describe('GifWriter', () => {
  const red = (alpha: number) => new Uint8ClampedArray([255, 0, 0, alpha, 255, 0, 0, alpha]);

  it('encodes each frame as it is added, so the caller may reuse its pixels at once', () => {
    const writer = new GifWriter({ width: 2, height: 1, delayMs: 100, lastDelayMs: 700 });
    const pixels = red(255);
    writer.add(pixels);
    pixels.set([0, 0, 255, 255, 0, 0, 255, 255]);
    writer.add(pixels);
    const { reader, frames } = decodeGif(writer.finish());
    expect(reader.numFrames()).toBe(2);
    expect(Array.from(frames[0]?.slice(0, 3) ?? [])).toEqual([255, 0, 0]);
    expect(Array.from(frames[1]?.slice(0, 3) ?? [])).toEqual([0, 0, 255]);
    expect([reader.frameInfo(0).delay, reader.frameInfo(1).delay]).toEqual([10, 70]);
  });

  it('refuses frames once finished', () => {
    const writer = new GifWriter({ width: 2, height: 1 });
    writer.add(red(255));
    writer.finish();
    expect(() => writer.add(red(255))).toThrow(/finished/);
  });
});
