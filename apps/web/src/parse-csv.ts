import { quote } from './shorten.js';

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
/** What a number can look like in a CSV, finite or not: a row of these is data, never a header. */
const NUMBER_LIKE = /^[+-]?((\d+\.?\d*|\.\d+)([eE][+-]?\d+)?|nan|inf(inity)?)$/i;
const MAX_ROWS = 10_000;
/** MAX_ROWS rows of two full-precision numbers take about 0.5 MB; a bigger file is refused unread. */
export const MAX_CSV_BYTES = 1024 * 1024;

export interface TrainingData {
  x: Float64Array;
  t: Float64Array;
}

/** A CSV that cannot be used, with the 1-based line it fails on (0: the file as a whole). */
export class CsvError extends Error {
  readonly line: number;

  constructor(line: number, message: string) {
    super(line > 0 ? `line ${line}: ${message}` : message);
    this.name = 'CsvError';
    this.line = line;
  }
}

/**
 * Reads x,y pairs, one per line, with an optional header (a first row with
 * nothing that looks like a number), the rules of the CLI's --data: every
 * row two finite numbers. A UTF-8 BOM is skipped.
 */
export function parseCsv(text: string): TrainingData {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const x: number[] = [];
  const t: number[] = [];
  let seenRow = false;
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    const cells = line.split(',').map((cell) => cell.trim());
    const isHeader = !seenRow && cells.every((cell) => !NUMBER_LIKE.test(cell));
    seenRow = true;
    if (isHeader) return;
    if (cells.length !== 2) {
      throw new CsvError(index + 1, `found ${cells.length} values; write two per line: x,y`);
    }
    const [a, b] = cells.map((cell, column) => {
      if (!DECIMAL.test(cell) || !Number.isFinite(Number(cell))) {
        const found = cell === '' ? 'an empty cell' : quote(cell);
        throw new CsvError(index + 1, `${found} in column ${column + 1} is not a finite number`);
      }
      return Number(cell);
    }) as [number, number];
    if (x.length === MAX_ROWS) {
      throw new CsvError(
        index + 1,
        `more than ${MAX_ROWS} rows; the page trains on at most ${MAX_ROWS}`,
      );
    }
    x.push(a);
    t.push(b);
  });
  if (x.length === 0) throw new CsvError(0, 'no data rows; write one x,y pair per line');
  return { x: Float64Array.from(x), t: Float64Array.from(t) };
}
