import { applyPalette, GIFEncoder, quantize } from 'gifenc';

export interface GifOptions {
  width: number;
  height: number;
  /** Milliseconds per frame. */
  delayMs?: number;
  /** Milliseconds the last frame stays, so the final fit can be seen before the loop restarts. */
  lastDelayMs?: number;
}

/**
 * RGBA frames to one GIF that loops forever: the browser twin of
 * @nn/viz/node's encodeGif, with its defaults, so both GIFs play alike.
 */
export function encodeGif(frames: readonly Uint8ClampedArray[], options: GifOptions): Uint8Array {
  const { width, height, delayMs = 500, lastDelayMs = 2000 } = options;
  if (frames.length === 0) throw new RangeError('a GIF needs at least one frame; train first');
  const encoder = GIFEncoder();
  frames.forEach((rgba, i) => {
    const palette = quantize(rgba, 256);
    encoder.writeFrame(applyPalette(rgba, palette), width, height, {
      palette,
      delay: i === frames.length - 1 ? lastDelayMs : delayMs,
      repeat: 0,
    });
  });
  encoder.finish();
  return encoder.bytes();
}
