export { regressionChartComponents } from './chart-components.js';
export { encodeGif, type GifOptions } from './encode-gif.js';
export { type ChartSize, DEFAULT_CHART_SIZE, whiteBackground } from './export-style.js';
export {
  type AxisBounds,
  type RegressionChartConfig,
  type RegressionFrame,
  regressionBounds,
  regressionChartConfig,
  regressionTitle,
} from './regression-chart.js';
