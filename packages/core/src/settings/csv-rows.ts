import { isDecimal, quoteValue } from './quote-value.js';

const NOT_FINITE = /^[+-]?(nan|inf|infinity)$/i;

/** A CSV that cannot be used: where (1-based line and character column; line 0: the file as a whole) and why. */
export class CsvRowError extends Error {
  constructor(
    readonly line: number,
    readonly column: number,
    readonly reason: string,
  ) {
    super(line > 0 ? `line ${line}, column ${column}: ${reason}` : reason);
    this.name = 'CsvRowError';
  }
}

export interface CsvTable {
  /** Values row by row, `columns` per row (without the label column). */
  values: Float64Array;
  rows: number;
  columns: number;
  /** With 'labelled' columns: each row's last cell, trimmed. */
  labels?: string[];
}

/** Column counts a row may have: a list, or (feature columns then a label) any count from 2. */
export type CsvColumns = readonly number[] | 'labelled';

interface Cell {
  text: string;
  column: number;
}

/**
 * The CSV rules of the CLI's --data and the web app's file input, fed one
 * line at a time (a stream or a string): numbers, comma-separated, with an
 * optional header (a first row none of whose number cells looks like a
 * number, finite or not), blank lines skipped, CRLF and a leading UTF-8 BOM
 * accepted. Every row keeps the first row's column count, one of `allowed`.
 */
export class CsvRows {
  #values = new Float64Array(1024);
  #length = 0;
  #rows = 0;
  #line = 0;
  #columns: number | undefined;
  readonly #labels: string[] | undefined;

  constructor(readonly allowed: CsvColumns) {
    if (allowed === 'labelled') this.#labels = [];
  }

  /** Data rows read so far. */
  get rows(): number {
    return this.#rows;
  }

  /** The number of the line read last (1-based). */
  get lineNumber(): number {
    return this.#line;
  }

  /** Reads one line, without its '\n'. */
  line(raw: string): void {
    this.#line++;
    let line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (this.#line === 1) line = line.replace(/^\uFEFF/, '');
    if (line.trim() === '') return;
    const cells = splitCells(line);
    const labels = this.#labels;
    const numbers = labels === undefined ? cells : cells.slice(0, -1);
    const isHeader =
      this.#columns === undefined && numbers.every((cell) => !isNumberLike(cell.text.trim()));
    this.#columns = this.#checkColumns(cells.length);
    if (isHeader) return;
    for (const cell of numbers) this.#push(this.#parse(cell));
    if (labels !== undefined) labels.push(this.#label(cells.at(-1) as Cell));
    this.#rows++;
  }

  /** Every line read parsed into a table; refuses one without data rows. */
  finish(): CsvTable {
    if (this.#rows === 0 || this.#columns === undefined) {
      const row =
        this.allowed === 'labelled'
          ? 'feature numbers then a class label'
          : `${this.allowed.join(' or ')} numbers`;
      throw new CsvRowError(0, 0, `no data rows; write one row of ${row} per line`);
    }
    const labels = this.#labels;
    return {
      values: this.#values.slice(0, this.#length),
      rows: this.#rows,
      columns: labels === undefined ? this.#columns : this.#columns - 1,
      ...(labels !== undefined && { labels }),
    };
  }

  /** The first row fixes the column count; a labelled row has at least one feature. */
  #checkColumns(found: number): number {
    const fixed = this.#columns;
    const ok =
      fixed !== undefined
        ? found === fixed
        : this.allowed === 'labelled'
          ? found >= 2
          : this.allowed.includes(found);
    if (ok) return found;
    const expected =
      fixed !== undefined
        ? String(fixed)
        : this.allowed === 'labelled'
          ? '2 or more (features, then a class label)'
          : this.allowed.join(' or ');
    throw new CsvRowError(
      this.#line,
      1,
      `found ${found} column${found === 1 ? '' : 's'}, expected ${expected} (comma-separated)`,
    );
  }

  #label(cell: Cell): string {
    const label = cell.text.trim();
    if (label === '') throw new CsvRowError(this.#line, cell.column, 'the class label is empty');
    return label;
  }

  #parse(cell: Cell): number {
    const trimmed = cell.text.trim();
    const value = isDecimal(trimmed) ? Number(trimmed) : Number.NaN;
    if (Number.isFinite(value)) return value;
    const fail = (reason: string) => new CsvRowError(this.#line, cell.column, reason);
    if (trimmed === '') throw fail('an empty cell is not a finite number');
    if (isDecimal(trimmed)) throw fail(`${quoteValue(trimmed)} is out of range (beyond ±1.8e308)`);
    throw fail(`${quoteValue(trimmed)} is not a finite number`);
  }

  #push(value: number): void {
    if (this.#length === this.#values.length) {
      const grown = new Float64Array(this.#values.length * 2);
      grown.set(this.#values);
      this.#values = grown;
    }
    this.#values[this.#length++] = value;
  }
}

/** A number, or a spelling of a non-finite one: a first row of NaN,NaN is bad data, not a header. */
function isNumberLike(text: string): boolean {
  return isDecimal(text) || NOT_FINITE.test(text) || (text !== '' && !Number.isNaN(Number(text)));
}

function splitCells(line: string): Cell[] {
  const cells: Cell[] = [];
  let start = 0;
  for (const part of line.split(',')) {
    const leading = part.length - part.trimStart().length;
    cells.push({ text: part, column: start + leading + 1 });
    start += part.length + 1;
  }
  return cells;
}
