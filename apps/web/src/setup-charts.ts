import { regressionChartComponents } from '@nn/viz';
import { Chart, LogarithmicScale } from 'chart.js';
import fontUrl from 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf?url';

/** The CLI's chart font (viz/node's BUNDLED_FONT_FAMILY), so exported images look the same. */
export const EXPORT_FONT_FAMILY = 'NN DejaVu Sans';

let registered = false;
let fontLoaded: Promise<boolean> | undefined;

/** Registers what the charts need: the shared regression chart's parts and the error chart's log scale. */
export function setupCharts(): void {
  if (registered) return;
  Chart.register(...regressionChartComponents, LogarithmicScale);
  registered = true;
}

/**
 * Loads the CLI's font (750 kB, so only when an image is exported); false
 * when the browser cannot, and the image then uses the page's sans-serif.
 */
export function loadExportFont(): Promise<boolean> {
  fontLoaded ??= new FontFace(EXPORT_FONT_FAMILY, `url(${fontUrl})`).load().then(
    (face) => {
      document.fonts.add(face);
      return true;
    },
    () => false,
  );
  return fontLoaded;
}
