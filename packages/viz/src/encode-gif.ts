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

/**
 * Encodes RGBA frames one at a time into a GIF that loops forever, so a long
 * animation holds one frame's pixels at a time, not all of them; browser-safe.
 * Each frame is written when the next arrives, since only then is it known
 * not to be the last (which stays longer).
 */
export class GifWriter {
  readonly #encoder = gifenc.GIFEncoder();
  readonly #options: Required<GifOptions>;
  #pending: { index: Uint8Array; palette: gifencModule.Palette } | undefined;
  #frames = 0;
  #finished = false;

  constructor(options: GifOptions) {
    const { width, height, delayMs = 500, lastDelayMs = 2000 } = options;
    this.#options = { width, height, delayMs, lastDelayMs };
  }

  /** Adds a frame of width × height × 4 bytes; the pixels may be reused as soon as this returns. */
  add(rgba: Uint8ClampedArray): void {
    const { width, height, delayMs } = this.#options;
    this.#checkOpen();
    if (rgba.length !== width * height * 4) {
      throw new RangeError(
        `viz: frame ${this.#frames} has ${rgba.length} bytes, not ${width}×${height}×4`,
      );
    }
    this.#write(delayMs);
    const palette = gifenc.quantize(rgba, 256);
    this.#pending = { index: gifenc.applyPalette(rgba, palette), palette };
    this.#frames++;
  }

  /** Writes the last frame and returns the GIF's bytes. */
  finish(): Uint8Array {
    this.#checkOpen();
    if (this.#pending === undefined) throw new RangeError('viz: a GIF needs at least one frame');
    this.#write(this.#options.lastDelayMs);
    this.#encoder.finish();
    this.#finished = true;
    return this.#encoder.bytes();
  }

  #checkOpen(): void {
    if (this.#finished) throw new Error('viz: this GIF is finished; start a new GifWriter');
  }

  #write(delay: number): void {
    const pending = this.#pending;
    if (pending === undefined) return;
    const { width, height } = this.#options;
    this.#encoder.writeFrame(pending.index, width, height, {
      palette: pending.palette,
      delay,
      repeat: 0,
    });
    this.#pending = undefined;
  }
}

/** Encodes RGBA frames (width × height × 4 bytes each) into one GIF that loops forever; browser-safe. */
export function encodeGif(frames: readonly Uint8ClampedArray[], options: GifOptions): Uint8Array {
  const writer = new GifWriter(options);
  for (const rgba of frames) writer.add(rgba);
  return writer.finish();
}
