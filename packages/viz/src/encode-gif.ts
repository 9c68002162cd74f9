/// <reference path="./gifenc.d.ts" />
import * as gifencModule from 'gifenc';

// gifenc's CommonJS build (what Node and browser bundlers load, through its
// "main" and "browser" fields) arrives as a default export; its ESM build
// has named exports. Either way this is the same module.
const gifenc: typeof gifencModule =
  'GIFEncoder' in gifencModule
    ? gifencModule
    : (gifencModule as unknown as { default: typeof gifencModule }).default;

export interface GifOptions {
  width: number;
  height: number;
  /** Milliseconds per frame. */
  delayMs?: number;
  /** Milliseconds the last frame stays, so the final fit can be seen before the loop restarts. */
  lastDelayMs?: number;
}

/** Encodes RGBA frames (width × height × 4 bytes each) into one GIF that loops forever; browser-safe. */
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
