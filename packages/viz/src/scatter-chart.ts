import type { ChartConfiguration, ChartOptions } from 'chart.js';

export interface XY {
  x: number;
  y: number;
}

/** Every @nn/viz chart is a scatter chart on linear axes, so one renderer and one set of components draw them all. */
export type ScatterChartConfig = ChartConfiguration<'scatter', XY[]>;

/**
 * Static (no animation, not responsive, no events) and in one locale (tick
 * labels 1000 and 0.5, not 1.000 and 0,5), so every frame renders the same
 * in Node and in any browser.
 */
export function staticOptions(): Pick<
  ChartOptions<'scatter'>,
  'animation' | 'responsive' | 'events' | 'locale'
> {
  return { animation: false, responsive: false, events: [], locale: 'en-US' };
}

/** A legend whose keys are the datasets' own markers, about their size on the chart. */
export function markerLegend(): NonNullable<ChartOptions<'scatter'>['plugins']>['legend'] {
  return { display: true, position: 'bottom', labels: { usePointStyle: true, boxHeight: 8 } };
}
