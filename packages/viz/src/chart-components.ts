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
 * What the regression chart needs registered with Chart.js, rather than
 * chart.js/auto: `Chart.register(...regressionChartComponents)`.
 */
export const regressionChartComponents: ChartComponentLike[] = [
  ScatterController,
  LineElement,
  PointElement,
  LinearScale,
  Title,
  Legend,
];
