import { regressionChartComponents } from '@nn/viz';
import { Chart, LogarithmicScale } from 'chart.js';
import fontUrl from 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf?url';

/** The CLI's chart font (viz/node's BUNDLED_FONT_FAMILY), so exports look the same. */
const FONT_FAMILY = 'NN DejaVu Sans';

let fontLoaded: Promise<void> | undefined;

/**
 * Registers what the charts need (the shared regression chart's parts plus
 * the error chart's log scale) and starts loading the CLI's font; the
 * promise settles once charts drawn from now on use it.
 */
export function setupCharts(): Promise<void> {
  if (fontLoaded === undefined) {
    Chart.register(...regressionChartComponents, LogarithmicScale);
    const face = new FontFace(FONT_FAMILY, `url(${fontUrl})`);
    fontLoaded = face.load().then(
      (loaded) => {
        document.fonts.add(loaded);
        Chart.defaults.font.family = `'${FONT_FAMILY}', sans-serif`;
      },
      // Without the font, charts use the page's sans-serif; nothing else depends on it.
      () => {},
    );
  }
  return fontLoaded;
}
