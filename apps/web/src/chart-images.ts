import {
  DEFAULT_CHART_SIZE,
  encodeGif,
  type RegressionFrame,
  regressionBounds,
  regressionChartConfig,
  whiteBackground,
} from '@nn/viz';
import { Chart } from 'chart.js';
import { EXPORT_FONT_FAMILY, loadExportFont, setupCharts } from './setup-charts.js';

const { width: WIDTH, height: HEIGHT } = DEFAULT_CHART_SIZE;

/** Draws each frame on one off-page canvas at 1:1 pixels, axes fixed by the first frame. */
async function drawFrames(
  frames: readonly RegressionFrame[],
  each: (canvas: HTMLCanvasElement, context: CanvasRenderingContext2D) => void,
): Promise<void> {
  const first = frames[0];
  if (first === undefined) throw new RangeError('nothing to draw yet; train first');
  setupCharts();
  const font = (await loadExportFont()) ? `'${EXPORT_FONT_FAMILY}', sans-serif` : 'sans-serif';
  const canvas = document.createElement('canvas');
  canvas.width = WIDTH;
  canvas.height = HEIGHT;
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (context === null) throw new Error('this browser gives no 2D canvas to draw the chart on');
  const bounds = regressionBounds(first.x, first.target);
  const config = regressionChartConfig(first, bounds);
  config.plugins = [whiteBackground];
  config.options = { ...config.options, devicePixelRatio: 1 };
  // The export font is the default only while these frames draw (synchronously), so the page's charts keep theirs.
  const pageFont = Chart.defaults.font.family;
  Chart.defaults.font.family = font;
  const chart = new Chart(context, config);
  try {
    for (const frame of frames) {
      const next = regressionChartConfig(frame, bounds);
      chart.data = next.data;
      chart.options = { ...next.options, devicePixelRatio: 1 };
      chart.update();
      each(canvas, context);
    }
  } finally {
    chart.destroy();
    Chart.defaults.font.family = pageFont;
  }
}

/** The training as the CLI's looping GIF: one chart per reported epoch. */
export async function renderGif(frames: readonly RegressionFrame[]): Promise<Blob> {
  const pixels: Uint8ClampedArray[] = [];
  await drawFrames(frames, (_, context) => {
    pixels.push(context.getImageData(0, 0, WIDTH, HEIGHT).data);
  });
  const bytes = encodeGif(pixels, { width: WIDTH, height: HEIGHT });
  return new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'image/gif' });
}

/** One frame (the final fit) as PNG. */
export async function renderPng(frame: RegressionFrame): Promise<Blob> {
  let png: Promise<Blob> | undefined;
  await drawFrames([frame], (canvas) => {
    png = new Promise((resolve, reject) =>
      canvas.toBlob(
        (blob) => (blob === null ? reject(new Error('PNG encoding failed')) : resolve(blob)),
        'image/png',
      ),
    );
  });
  return png as Promise<Blob>;
}
