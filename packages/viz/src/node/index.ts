export { encodeGif, type GifOptions } from '../encode-gif.js';
export { type ChartSize, DEFAULT_CHART_SIZE } from '../export-style.js';
export { BUNDLED_FONT_FAMILY, registerBundledFont } from './bundled-font.js';
export { ChartRenderer } from './chart-renderer.js';
export { type RegressionGifOptions, renderRegressionGif } from './render-gif.js';
export { renderRegressionPng } from './render-png.js';
