import { encodeGif, type RegressionFrame, regressionBounds, regressionChartConfig } from '@nn/viz';
import { Chart, type Plugin } from 'chart.js';
import { EXPORT_FONT_FAMILY, loadExportFont, setupCharts } from './setup-charts.js';

/** The CLI's frame size (@nn/viz/node's DEFAULT_CHART_SIZE). */
const WIDTH = 480;
const HEIGHT = 320;

// A GIF has no partial transparency, so frames get an opaque white page, as in the CLI.
const whiteBackground: Plugin<'scatter'> = {
  id: 'nn-white-background',
  beforeDraw(chart) {
    const { ctx, width, height } = chart;
    ctx.save();
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, width, height);
    ctx.restore();
  },
};

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
