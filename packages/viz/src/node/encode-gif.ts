import { createRequire } from 'node:module';

type Palette = number[][];

// gifenc ships no types, and its ESM build's default export differs from its
// CommonJS one; loading the CommonJS build gives one shape under Node and vitest.
const gifenc = createRequire(import.meta.url)('gifenc') as {
  GIFEncoder(): {
    writeFrame(
      index: Uint8Array,
      width: number,
      height: number,
      options: { palette: Palette; delay: number; repeat: number },
    ): void;
    finish(): void;
    bytes(): Uint8Array;
  };
  quantize(rgba: Uint8ClampedArray, maxColors: number): Palette;
  applyPalette(rgba: Uint8ClampedArray, palette: Palette): Uint8Array;
};

export interface GifOptions {
  width: number;
  height: number;
  /** Milliseconds per frame. */
  delayMs?: number;
  /** Milliseconds the last frame stays, so the final fit can be seen before the loop restarts. */
  lastDelayMs?: number;
}

/** Encodes RGBA frames (width × height × 4 bytes each) into one GIF that loops forever. */
export function encodeGif(frames: readonly Uint8ClampedArray[], options: GifOptions): Uint8Array {
  const { width, height, delayMs = 500, lastDelayMs = 2000 } = options;
  if (frames.length === 0) throw new RangeError('viz: a GIF needs at least one frame');
  const encoder = gifenc.GIFEncoder();
  frames.forEach((rgba, i) => {
    if (rgba.length !== width * height * 4) {
      throw new RangeError(`viz: frame ${i} has ${rgba.length} bytes, not ${width}×${height}×4`);
    }
    const palette = gifenc.quantize(rgba, 256);
    encoder.writeFrame(gifenc.applyPalette(rgba, palette), width, height, {
      palette,
      delay: i === frames.length - 1 ? lastDelayMs : delayMs,
      repeat: 0,
    });
  });
  encoder.finish();
  return encoder.bytes();
}
