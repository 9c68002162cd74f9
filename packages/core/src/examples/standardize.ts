/**
 * Each column as (x − mean) / std with NumPy's population std, summing rows
 * in order as np.average(x, axis=0) and np.std(x, axis=0) do. A constant
 * column (std 0) is left centred rather than divided by zero.
 */
export function standardize(values: ArrayLike<number>, cols: number): Float64Array {
  const rows = values.length / cols;
  const mean = new Float64Array(cols);
  const variance = new Float64Array(cols);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) mean[c] = (mean[c] as number) + (values[r * cols + c] as number);
  }
  for (let c = 0; c < cols; c++) mean[c] = (mean[c] as number) / rows;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const d = (values[r * cols + c] as number) - (mean[c] as number);
      variance[c] = (variance[c] as number) + d * d;
    }
  }
  const out = new Float64Array(values.length);
  for (let c = 0; c < cols; c++) {
    const std = Math.sqrt((variance[c] as number) / rows);
    for (let r = 0; r < rows; r++) {
      const centred = (values[r * cols + c] as number) - (mean[c] as number);
      out[r * cols + c] = std === 0 ? centred : centred / std;
    }
  }
  return out;
}
