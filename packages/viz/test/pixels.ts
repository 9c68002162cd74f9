import { GifReader } from 'omggif';

export type Rgb = readonly [number, number, number];

/** Every frame of a GIF as full RGBA images, each drawn over the ones before as a viewer shows it. */
export function decodeGif(gif: Uint8Array): { reader: GifReader; frames: Uint8Array[] } {
  const reader = new GifReader(gif);
  const canvas = new Uint8Array(reader.width * reader.height * 4);
  const frames = Array.from({ length: reader.numFrames() }, (_, i) => {
    reader.decodeAndBlitFrameRGBA(i, canvas);
    return canvas.slice();
  });
  return { reader, frames };
}

export function nonWhitePixels(rgba: Uint8Array): number {
  let count = 0;
  for (let i = 0; i < rgba.length; i += 4) {
    if (rgba[i] !== 255 || rgba[i + 1] !== 255 || rgba[i + 2] !== 255) count++;
  }
  return count;
}

/** Pixels within `tolerance` (per channel) of a colour. */
export function pixelsNear(rgba: Uint8Array, color: Rgb, tolerance: number): number {
  let count = 0;
  for (let i = 0; i < rgba.length; i += 4) {
    if (distance([rgba[i], rgba[i + 1], rgba[i + 2]] as Rgb, color) <= tolerance) count++;
  }
  return count;
}

/**
 * The commonest colour in the square of side 2·radius + 1 around (x, y): the
 * background there, whatever thin marker strokes cross it.
 */
export function commonestColor(
  rgba: Uint8Array,
  width: number,
  x: number,
  y: number,
  radius = 6,
): Rgb {
  const counts = new Map<string, number>();
  for (let dy = -radius; dy <= radius; dy++) {
    for (let dx = -radius; dx <= radius; dx++) {
      const i = 4 * ((Math.round(y) + dy) * width + Math.round(x) + dx);
      const key = `${rgba[i]},${rgba[i + 1]},${rgba[i + 2]}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  const [key] = [...counts.entries()].reduce((a, b) => (b[1] > a[1] ? b : a));
  return key.split(',').map(Number) as unknown as Rgb;
}

/** The largest per-channel difference. */
export function distance(a: Rgb, b: Rgb): number {
  return Math.max(Math.abs(a[0] - b[0]), Math.abs(a[1] - b[1]), Math.abs(a[2] - b[2]));
}

export function hexColor(hex: string): Rgb {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** Whether two images agree in a rectangle of pixels. */
export function sameRegion(
  a: Uint8Array,
  b: Uint8Array,
  width: number,
  region: { x0: number; x1: number; y0: number; y1: number },
): boolean {
  for (let y = region.y0; y < region.y1; y++) {
    for (let x = region.x0; x < region.x1; x++) {
      const i = 4 * (y * width + x);
      if (a[i] !== b[i] || a[i + 1] !== b[i + 1] || a[i + 2] !== b[i + 2]) return false;
    }
  }
  return true;
}
