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
  /** Values row by row, `columns` per row (without the label column). */
  values: Float64Array;
  rows: number;
  columns: number;
  /** With `labels`: each row's last cell, trimmed. */
  labels?: string[];
}

/** Column counts a row may have: a list, or (feature columns then a label) any count from 2. */
export type CsvColumns = readonly number[] | 'labelled';

/**
 * Reads a CSV of numbers, comma-separated, with an optional header row (a
 * first line none of whose cells is a number). Every row must have a column
 * count in `allowed`; a bad cell fails with "file:line:column" and what was
 * found. The file is read line by line, at most MAX_CSV_BYTES.
 */
export async function readCsv(path: string, allowed: CsvColumns): Promise<CsvTable> {
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
  readonly #labels: string[] | undefined;

  constructor(
    readonly path: string,
    readonly allowed: CsvColumns,
  ) {
    if (allowed === 'labelled') this.#labels = [];
  }

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
    const labels = this.#labels;
    const numbers = labels === undefined ? cells : cells.slice(0, -1);
    const isHeader =
      this.#columns === undefined && numbers.every((cell) => !isNumberLike(cell.text.trim()));
    this.#columns = checkColumns(this.path, this.#line, cells.length, this.#expected());
    if (isHeader) return;
    for (const cell of numbers) this.#push(this.#parse(cell));
    if (labels !== undefined)
      labels.push(this.#label(cells.at(-1) as { text: string; column: number }));
    this.#rows++;
  }

  finish(): CsvTable {
    if (this.#rows === 0 || this.#columns === undefined) {
      const row =
        this.allowed === 'labelled'
          ? 'feature numbers then a class label'
          : `${this.allowed.join(' or ')} numbers`;
      throw new CliError(`${this.path}: no data rows; write one row of ${row} per line`);
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
  #expected(): readonly number[] | { atLeast: number } {
    if (this.#columns !== undefined) return [this.#columns];
    return this.allowed === 'labelled' ? { atLeast: 2 } : this.allowed;
  }

  #label(cell: { text: string; column: number }): string {
    const label = cell.text.trim();
    if (label === '') {
      throw new CliError(`${this.path}:${this.#line}:${cell.column}: the class label is empty`);
    }
    return label;
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
  allowed: readonly number[] | { atLeast: number },
): number {
  const ok = 'atLeast' in allowed ? found >= allowed.atLeast : allowed.includes(found);
  if (!ok) {
    const expected =
      'atLeast' in allowed
        ? `${allowed.atLeast} or more (features, then a class label)`
        : allowed.join(' or ');
    throw new CliError(
      `${path}:${line}:1: found ${found} column${found === 1 ? '' : 's'}, expected ${expected} (comma-separated)`,
    );
  }
  return found;
}
