import { createRequire } from 'node:module';
import { GlobalFonts } from '@napi-rs/canvas';

/** The family every Node-rendered chart uses; the machine's own fonts are never relied on. */
export const BUNDLED_FONT_FAMILY = 'NN DejaVu Sans';

let registered = false;

/** Registers DejaVu Sans, shipped by the dejavu-fonts-ttf dependency, with the canvas (once). */
export function registerBundledFont(): string {
  if (!registered) {
    const path = createRequire(import.meta.url).resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
    if (GlobalFonts.registerFromPath(path, BUNDLED_FONT_FAMILY) === null) {
      throw new Error(
        `viz: the canvas could not load the bundled font ${path}; reinstall dependencies`,
      );
    }
    registered = true;
  }
  return BUNDLED_FONT_FAMILY;
}
