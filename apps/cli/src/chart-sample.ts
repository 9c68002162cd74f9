import { MAX_CHART_POINTS } from '@nn/core';

export interface ChartSample {
  x: Float64Array;
  t: Float64Array;
}

/**
 * The rows a chart draws: all of them up to MAX_CHART_POINTS, else evenly
 * spaced rows plus those holding the extremes of x and t, so the axes,
 * which the data fixes, are the same as for the whole set.
 */
export function chartSample(x: ArrayLike<number>, t: ArrayLike<number>): ChartSample {
  const rows = x.length;
  if (rows <= MAX_CHART_POINTS) return { x: Float64Array.from(x), t: Float64Array.from(t) };
  const picked = new Set<number>(extremes(x));
  for (const row of extremes(t)) picked.add(row);
  const spaced = MAX_CHART_POINTS - picked.size;
  for (let k = 0; k < spaced; k++) picked.add(Math.floor((k * rows) / spaced));
  const order = [...picked].sort((a, b) => a - b);
  return {
    x: Float64Array.from(order, (row) => x[row] as number),
    t: Float64Array.from(order, (row) => t[row] as number),
  };
}

function extremes(values: ArrayLike<number>): [number, number] {
  let min = 0;
  let max = 0;
  for (let i = 1; i < values.length; i++) {
    if ((values[i] as number) < (values[min] as number)) min = i;
    if ((values[i] as number) > (values[max] as number)) max = i;
  }
  return [min, max];
}
