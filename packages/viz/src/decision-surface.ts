import type { ChartType, Plugin, Scale } from 'chart.js';
import { CLASS_STYLES } from './class-styles.js';

/** The network's probability of class 1 on a grid of cells that tiles a rectangle of the chart. */
export interface ClassificationSurface {
  cols: number;
  rows: number;
  /**
   * P(class 1) per cell, row-major (index row · cols + col): col 0 at the left
   * (smallest x), row 0 at the bottom (smallest y), each value the network's
   * at its cell's centre: the points `surfaceInputs(cols, rows)` lists, in
   * the same order.
   */
  probabilities: ArrayLike<number>;
}

/** The plugin's options, under `options.plugins.nnDecisionSurface`. */
export interface DecisionSurfaceOptions {
  /** Nothing is drawn without one. */
  surface?: ClassificationSurface;
  /** The rectangle the cells tile, in data units. */
  x?: readonly [number, number];
  y?: readonly [number, number];
}

declare module 'chart.js' {
  interface PluginOptionsByType<TType extends ChartType> {
    nnDecisionSurface?: DecisionSurfaceOptions;
  }
}

/** The square the book's §5.10 data covers, and the surface's default rectangle on both axes. */
export const CLASSIFICATION_DOMAIN: readonly [number, number] = [-1, 1];

/** The colour of a non-finite probability (a diverged network): neither class's. */
const UNKNOWN_COLOR = 'rgb(204, 204, 204)';

/**
 * The colour of a cell: white at p = 0.5, fading linearly to class 1's tint
 * at p = 1 and class 2's at p = 0, so the decision boundary is the white band.
 */
export function surfaceColor(probability: number): string {
  if (!Number.isFinite(probability)) return UNKNOWN_COLOR;
  const p = Math.min(1, Math.max(0, probability));
  const { tint } = p >= 0.5 ? CLASS_STYLES[0] : CLASS_STYLES[1];
  const strength = Math.abs(2 * p - 1);
  const [r, g, b] = tint.map((c) => Math.round(255 + (c - 255) * strength));
  return `rgb(${r}, ${g}, ${b})`;
}

/**
 * The cell centres a surface of cols × rows samples, row-major n × 2 (x, y),
 * in the order `ClassificationSurface.probabilities` expects: run the network
 * on these and take each row's y[0].
 */
export function surfaceInputs(
  cols: number,
  rows: number,
  x: readonly [number, number] = CLASSIFICATION_DOMAIN,
  y: readonly [number, number] = CLASSIFICATION_DOMAIN,
): Float64Array {
  checkGrid(cols, rows);
  const inputs = new Float64Array(cols * rows * 2);
  for (let row = 0; row < rows; row++) {
    for (let col = 0; col < cols; col++) {
      const i = 2 * (row * cols + col);
      inputs[i] = x[0] + ((col + 0.5) * (x[1] - x[0])) / cols;
      inputs[i + 1] = y[0] + ((row + 0.5) * (y[1] - y[0])) / rows;
    }
  }
  return inputs;
}

/** Throws a RangeError saying what is wrong unless the surface's sizes agree. */
export function checkSurface(surface: ClassificationSurface): void {
  const { cols, rows, probabilities } = surface;
  checkGrid(cols, rows);
  if (probabilities.length !== cols * rows) {
    throw new RangeError(
      `decision surface: ${probabilities.length} probabilities for ${cols}×${rows} cells; pass one per cell`,
    );
  }
}

/**
 * Shades the chart area by the network's probability of class 1, cell by
 * cell, under the datasets (the way TensorFlow Playground shows its
 * boundary). Only canvas 2D calls every canvas has (fillRect, clip), so it
 * draws the same on @napi-rs/canvas and in a browser. Drawn before the
 * datasets rather than with the page background, so it lands above a white
 * background whatever order the plugins were registered in.
 */
export const decisionSurfacePlugin: Plugin<'scatter', DecisionSurfaceOptions> = {
  id: 'nnDecisionSurface',
  beforeDatasetsDraw(chart, _args, options) {
    const { surface } = options;
    const { x: xScale, y: yScale } = chart.scales;
    if (surface === undefined || xScale === undefined || yScale === undefined) return;
    checkSurface(surface);
    const { cols, rows } = surface;
    const probabilities = surface.probabilities;
    const xEdges = pixelEdges(xScale, options.x ?? CLASSIFICATION_DOMAIN, cols);
    const yEdges = pixelEdges(yScale, options.y ?? CLASSIFICATION_DOMAIN, rows);
    const { ctx, chartArea } = chart;
    ctx.save();
    ctx.beginPath();
    ctx.rect(chartArea.left, chartArea.top, chartArea.width, chartArea.height);
    ctx.clip();
    for (let row = 0; row < rows; row++) {
      const [top, bottom] = ordered(yEdges[row] as number, yEdges[row + 1] as number);
      for (let col = 0; col < cols; col++) {
        const [left, right] = ordered(xEdges[col] as number, xEdges[col + 1] as number);
        ctx.fillStyle = surfaceColor(probabilities[row * cols + col] as number);
        ctx.fillRect(left, top, right - left, bottom - top);
      }
    }
    ctx.restore();
  },
};

/** The pixel edges of `cells` equal cells over `range`, on whole pixels so neighbours meet without seams. */
function pixelEdges(scale: Scale, range: readonly [number, number], cells: number): number[] {
  const [from, to] = range;
  return Array.from({ length: cells + 1 }, (_, i) =>
    Math.round(scale.getPixelForValue(from + ((to - from) * i) / cells)),
  );
}

function ordered(a: number, b: number): [number, number] {
  return a <= b ? [a, b] : [b, a];
}

function checkGrid(cols: number, rows: number): void {
  for (const [name, value] of [
    ['cols', cols],
    ['rows', rows],
  ] as const) {
    if (!Number.isInteger(value) || value < 1) {
      throw new RangeError(`decision surface: ${name} ${value} is not a whole number of cells`);
    }
  }
}
