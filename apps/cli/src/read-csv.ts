import { CliError } from './cli-error.js';
import { isDecimal } from './decimal.js';
import { quote } from './quote.js';
import { readTextChunks } from './read-text.js';

const NOT_FINITE = /^[+-]?(nan|inf|infinity)$/i;

/** The largest CSV read: its values (8 bytes each, at least 2 bytes of text each) then fit memory several times over. */
export const MAX_CSV_BYTES = 256 * 2 ** 20;
/** A row is a few numbers; a longer line means the file is not a CSV of numbers (e.g. /dev/zero). */
export const MAX_LINE_CHARS = 2 ** 20;

export interface CsvTable {
  /** Values row by row, `columns` per row. */
  values: Float64Array;
  rows: number;
  columns: number;
}

/**
 * Reads a CSV of numbers, comma-separated, with an optional header row (a
 * first line none of whose cells is a number). Every row must have a column
 * count in `allowed`; a bad cell fails with "file:line:column" and what was
 * found. The file is read line by line, at most MAX_CSV_BYTES.
 */
export async function readCsv(path: string, allowed: readonly number[]): Promise<CsvTable> {
  const table = new CsvBuilder(path, allowed);
  let pending = '';
  let first = true;
  for await (const chunk of readTextChunks(path, {
    bytes: MAX_CSV_BYTES,
    what: 'CSV files',
    advice: 'keep fewer rows',
  })) {
    let text = pending + (first ? chunk.replace(/^\uFEFF/, '') : chunk);
    first = false;
    let start = 0;
    for (let end = text.indexOf('\n', start); end !== -1; end = text.indexOf('\n', start)) {
      table.line(text.slice(start, end));
      start = end + 1;
    }
    text = text.slice(start);
    table.checkLength(text);
    pending = text;
  }
  if (pending !== '') table.line(pending);
  return table.finish();
}

class CsvBuilder {
  #values = new Float64Array(1024);
  #length = 0;
  #rows = 0;
  #line = 0;
  #columns: number | undefined;

  constructor(
    readonly path: string,
    readonly allowed: readonly number[],
  ) {}

  checkLength(text: string): void {
    if (text.length > MAX_LINE_CHARS) {
      throw new CliError(
        `${this.path}:${this.#line + 1}:1: the line is longer than ${MAX_LINE_CHARS} characters; a row holds a few numbers: is this a CSV file?`,
      );
    }
  }

  line(raw: string): void {
    this.checkLength(raw);
    this.#line++;
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.trim() === '') return;
    const cells = splitCells(line);
    const isHeader =
      this.#columns === undefined && cells.every((cell) => !isNumberLike(cell.text.trim()));
    const expected = this.#columns === undefined ? this.allowed : [this.#columns];
    this.#columns = checkColumns(this.path, this.#line, cells.length, expected);
    if (isHeader) return;
    for (const cell of cells) this.#push(this.#parse(cell));
    this.#rows++;
  }

  finish(): CsvTable {
    if (this.#rows === 0 || this.#columns === undefined) {
      throw new CliError(
        `${this.path}: no data rows; write one row of ${this.allowed.join(' or ')} numbers per line`,
      );
    }
    return {
      values: this.#values.slice(0, this.#length),
      rows: this.#rows,
      columns: this.#columns,
    };
  }

  #parse(cell: { text: string; column: number }): number {
    const trimmed = cell.text.trim();
    const value = isDecimal(trimmed) ? Number(trimmed) : Number.NaN;
    if (Number.isFinite(value)) return value;
    const where = `${this.path}:${this.#line}:${cell.column}`;
    if (trimmed === '') throw new CliError(`${where}: an empty cell is not a finite number`);
    if (isDecimal(trimmed)) {
      throw new CliError(`${where}: ${quote(trimmed)} is out of range (beyond ±1.8e308)`);
    }
    throw new CliError(`${where}: ${quote(trimmed)} is not a finite number`);
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

function splitCells(line: string): { text: string; column: number }[] {
  const cells: { text: string; column: number }[] = [];
  let start = 0;
  for (const part of line.split(',')) {
    const leading = part.length - part.trimStart().length;
    cells.push({ text: part, column: start + leading + 1 });
    start += part.length + 1;
  }
  return cells;
}

function checkColumns(
  path: string,
  line: number,
  found: number,
  allowed: readonly number[],
): number {
  if (!allowed.includes(found)) {
    const expected = allowed.join(' or ');
    throw new CliError(
      `${path}:${line}:1: found ${found} column${found === 1 ? '' : 's'}, expected ${expected} (comma-separated)`,
    );
  }
  return found;
}
