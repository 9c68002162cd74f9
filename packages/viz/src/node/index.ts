export { encodeGif, type GifOptions, GifWriter } from '../encode-gif.js';
export { type ChartSize, CLASSIFICATION_CHART_SIZE, DEFAULT_CHART_SIZE } from '../export-style.js';
export { BUNDLED_FONT_FAMILY, registerBundledFont } from './bundled-font.js';
export { ChartRenderer } from './chart-renderer.js';
export { renderClassificationGif, renderClassificationPng } from './classification-images.js';
export { renderErrorCurvesGif, renderErrorCurvesPng } from './error-curves-images.js';
export {
  type RegressionGifOptions,
  renderRegressionGif,
  renderRegressionPng,
} from './regression-images.js';
export { type ChartGifOptions, renderChartGif, renderChartPng } from './render-chart.js';
