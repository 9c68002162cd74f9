import {
  type ChartComponentLike,
  Legend,
  LinearScale,
  LineElement,
  PointElement,
  ScatterController,
  Title,
} from 'chart.js';

/**
 * What every @nn/viz chart needs registered with Chart.js, rather than
 * chart.js/auto: `Chart.register(...chartComponents)`. The classification
 * chart brings its surface plugin in its own config.
 */
export const chartComponents: ChartComponentLike[] = [
  ScatterController,
  LineElement,
  PointElement,
  LinearScale,
  Title,
  Legend,
];

/** The same list under the name the regression chart's callers know. */
export const regressionChartComponents: ChartComponentLike[] = chartComponents;
