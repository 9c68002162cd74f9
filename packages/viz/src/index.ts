export type { AxisBounds } from './axis-bounds.js';
export { chartComponents, regressionChartComponents } from './chart-components.js';
export { epochTitle, formatError } from './chart-title.js';
export { CLASS_STYLES } from './class-styles.js';
export {
  type ClassificationFrame,
  classificationChartConfig,
  predictedClasses,
} from './classification-chart.js';
export {
  CLASSIFICATION_DOMAIN,
  type ClassificationSurface,
  checkSurface,
  type DecisionSurfaceOptions,
  decisionSurfacePlugin,
  surfaceColor,
  surfaceInputs,
} from './decision-surface.js';
export { encodeGif, type GifOptions, GifWriter } from './encode-gif.js';
export {
  type ErrorCurvesBounds,
  type ErrorCurvesFrame,
  errorCurvesBounds,
  errorCurvesChartConfig,
  errorCurvesTitle,
  growErrorCurves,
} from './error-curves-chart.js';
export {
  type ChartSize,
  CLASSIFICATION_CHART_SIZE,
  DEFAULT_CHART_SIZE,
  whiteBackground,
} from './export-style.js';
export {
  type RegressionChartConfig,
  type RegressionFrame,
  regressionBounds,
  regressionChartConfig,
  regressionTitle,
} from './regression-chart.js';
export type { ScatterChartConfig, XY } from './scatter-chart.js';
