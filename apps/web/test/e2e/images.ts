import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

export type Rgb = readonly [number, number, number];

/** Clicks `testId` and returns the bytes of the file the page downloads. */
export async function downloadFrom(
  page: Page,
  testId: string,
): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId(testId).click(),
  ]);
  const path = await download.path();
  return { name: download.suggestedFilename(), bytes: readFileSync(path) };
}

/** A PNG's width and height, from its IHDR chunk. */
export function pngSize(png: Buffer): [number, number] {
  return [png.readUInt32BE(16), png.readUInt32BE(20)];
}

/** Mean absolute difference per RGBA byte of two same-sized PNGs, decoded by the browser. */
export async function pngDifference(page: Page, a: Buffer, b: Buffer): Promise<number> {
  return page.evaluate(
    async ([first, second]: [string, string]) => {
      const pixels = async (base64: string) => {
        const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
        const image = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
        const canvas = new OffscreenCanvas(image.width, image.height);
        const context = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D;
        context.drawImage(image, 0, 0);
        return context.getImageData(0, 0, image.width, image.height).data;
      };
      const [x, y] = [await pixels(first), await pixels(second)];
      if (x.length !== y.length) return Number.POSITIVE_INFINITY;
      let sum = 0;
      for (let i = 0; i < x.length; i++) sum += Math.abs((x[i] as number) - (y[i] as number));
      return sum / x.length;
    },
    [a.toString('base64'), b.toString('base64')] as [string, string],
  );
}

/**
 * The commonest colour in a 13 × 13 square around each spot (fractions of
 * the width and height) of a PNG or of a canvas on the page: the background
 * there, whatever thin marker strokes cross it.
 */
export async function commonestColours(
  page: Page,
  image: { png: Buffer } | { canvas: string },
  spots: readonly (readonly [number, number])[],
): Promise<Rgb[]> {
  const source = 'png' in image ? { png: image.png.toString('base64') } : image;
  return page.evaluate(
    async ([from, at]) => {
      let canvas: HTMLCanvasElement | OffscreenCanvas;
      if ('png' in from) {
        const bytes = Uint8Array.from(atob(from.png), (c) => c.charCodeAt(0));
        const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
        canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
        (canvas.getContext('2d') as OffscreenCanvasRenderingContext2D).drawImage(bitmap, 0, 0);
      } else {
        canvas = document.querySelector(`[data-testid="${from.canvas}"]`) as HTMLCanvasElement;
      }
      const context = canvas.getContext('2d') as CanvasRenderingContext2D;
      return at.map(([fx, fy]) => {
        const [x, y] = [Math.round(fx * canvas.width), Math.round(fy * canvas.height)];
        const { data } = context.getImageData(x - 6, y - 6, 13, 13);
        const counts = new Map<string, number>();
        for (let i = 0; i < data.length; i += 4) {
          const key = `${data[i]},${data[i + 1]},${data[i + 2]}`;
          counts.set(key, (counts.get(key) ?? 0) + 1);
        }
        const [key] = [...counts.entries()].reduce((a, b) => (b[1] > a[1] ? b : a));
        return key.split(',').map(Number) as unknown as [number, number, number];
      });
    },
    [source, spots] as const,
  );
}

/** The largest per-channel difference. */
export function distance(a: Rgb, b: Rgb): number {
  return Math.max(Math.abs(a[0] - b[0]), Math.abs(a[1] - b[1]), Math.abs(a[2] - b[2]));
}
