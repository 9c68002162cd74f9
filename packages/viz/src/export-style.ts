import type { Plugin } from 'chart.js';

export interface ChartSize {
  width: number;
  height: number;
}

/** The size of exported frames (GIF, PNG), the same in the CLI and the web app. */
export const DEFAULT_CHART_SIZE: ChartSize = { width: 480, height: 320 };

/**
 * The classification chart's exported size: its axes are the square [-1, 1]²,
 * so the chart area is about square once the title and legend take their rows.
 */
export const CLASSIFICATION_CHART_SIZE: ChartSize = { width: 480, height: 520 };

/** A GIF has no partial transparency, so exported frames get an opaque white page. */
export const whiteBackground: Plugin<'scatter'> = {
  id: 'nn-white-background',
  beforeDraw(chart) {
    const { ctx, width, height } = chart;
    ctx.save();
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, width, height);
    ctx.restore();
  },
};
