import { CsvRowError, CsvRows } from '@nn/core';

const MAX_ROWS = 10_000;
/** MAX_ROWS rows of two full-precision numbers take about 0.5 MB; a bigger file is refused unread. */
export const MAX_CSV_BYTES = 1024 * 1024;

export interface TrainingData {
  x: Float64Array;
  t: Float64Array;
}

/**
 * Reads x,y pairs by the CLI's --data rules (core's CsvRows: an optional
 * header, every row two finite numbers), at most MAX_ROWS of them; a bad
 * line fails with a CsvRowError naming its line and column.
 */
export function parseCsv(text: string): TrainingData {
  const rows = new CsvRows([2]);
  for (const line of text.split('\n')) {
    rows.line(line);
    if (rows.rows > MAX_ROWS) {
      throw new CsvRowError(
        rows.lineNumber,
        1,
        `more than ${MAX_ROWS} rows; the page trains on at most ${MAX_ROWS}`,
      );
    }
  }
  const { values } = rows.finish();
  return {
    x: values.filter((_, i) => i % 2 === 0),
    t: values.filter((_, i) => i % 2 === 1),
  };
}
