import { type ChartSize, GifWriter, type ScatterChartConfig, whiteBackground } from '@nn/viz';
import { Chart } from 'chart.js';
import { EXPORT_FONT_FAMILY, loadExportFont, setupCharts } from './setup-charts.js';

/** The frames of one export: how many, each one's chart (built when drawn), and the image size. */
export interface ExportFrames {
  count: number;
  config(index: number): ScatterChartConfig;
  size: ChartSize;
}

/**
 * Draws each frame on one off-page canvas at 1:1 pixels, on a white page,
 * with the CLI's font, keeping the chart's own plugins (the decision
 * surface); every frame of an export is the same kind of chart.
 */
async function drawFrames(
  frames: ExportFrames,
  each: (canvas: HTMLCanvasElement, context: CanvasRenderingContext2D) => void,
): Promise<void> {
  if (frames.count === 0) throw new RangeError('nothing to draw yet; train first');
  setupCharts();
  const font = (await loadExportFont()) ? `'${EXPORT_FONT_FAMILY}', sans-serif` : 'sans-serif';
  const { width, height } = frames.size;
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (context === null) throw new Error('this browser gives no 2D canvas to draw the chart on');
  const config = frames.config(0);
  config.plugins = [whiteBackground, ...(config.plugins ?? [])];
  config.options = { ...config.options, devicePixelRatio: 1 };
  // The export font is the default only while these frames draw (synchronously), so the page's charts keep theirs.
  const pageFont = Chart.defaults.font.family;
  Chart.defaults.font.family = font;
  const chart = new Chart(context, config);
  try {
    each(canvas, context);
    for (let i = 1; i < frames.count; i++) {
      const next = frames.config(i);
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

/** The training as the CLI's looping GIF, encoded frame by frame so memory holds one frame's pixels. */
export async function renderGif(frames: ExportFrames): Promise<Blob> {
  const writer = new GifWriter(frames.size);
  await drawFrames(frames, (_, context) => {
    writer.add(context.getImageData(0, 0, frames.size.width, frames.size.height).data);
  });
  const bytes = writer.finish();
  return new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'image/gif' });
}

/** One chart (the run as it stands) as PNG. */
export async function renderPng(config: ScatterChartConfig, size: ChartSize): Promise<Blob> {
  let png: Promise<Blob> | undefined;
  await drawFrames({ count: 1, config: () => config, size }, (canvas) => {
    png = new Promise((resolve, reject) =>
      canvas.toBlob(
        (blob) => (blob === null ? reject(new Error('PNG encoding failed')) : resolve(blob)),
        'image/png',
      ),
    );
  });
  return png as Promise<Blob>;
}
