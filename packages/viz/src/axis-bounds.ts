/** A chart's fixed axes, in data units. */
export interface AxisBounds {
  x: readonly [number, number];
  y: readonly [number, number];
}

/** [min, max] widened to multiples of half the span's power of ten, so the end ticks are round. */
export function roundOut(min: number, max: number): [number, number] {
  const step = 10 ** Math.floor(Math.log10(max - min || 1)) / 2;
  return [Math.floor(min / step) * step, Math.ceil(max / step) * step];
}

/** The smallest and largest finite values, or undefined when there are none. */
export function finiteRange(values: ArrayLike<number>): [number, number] | undefined {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (Number.isFinite(v)) {
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  return min > max ? undefined : [min, max];
}
