import { readFile } from 'node:fs/promises';
import { CliError } from './cli-error.js';

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

export interface CsvTable {
  /** Values row by row, `columns` per row. */
  values: Float64Array;
  rows: number;
  columns: number;
}

/**
 * Reads a CSV of numbers, comma-separated, with an optional header row (a
 * first line that is not all numbers). Every row must have a column count
 * in `allowed`; a bad cell fails with "file:line:column" and what was found.
 */
export async function readCsv(path: string, allowed: readonly number[]): Promise<CsvTable> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new CliError(`cannot read ${path}: ${(error as Error).message}`);
  }
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const values: number[] = [];
  let columns: number | undefined;
  let rows = 0;
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    const cells = splitCells(line);
    const isHeader = columns === undefined && cells.every((c) => !DECIMAL.test(c.text.trim()));
    if (isHeader) {
      columns = checkColumns(path, index + 1, cells.length, allowed);
      return;
    }
    const width = checkColumns(
      path,
      index + 1,
      cells.length,
      columns === undefined ? allowed : [columns],
    );
    columns = width;
    for (const cell of cells) {
      const trimmed = cell.text.trim();
      const value = DECIMAL.test(trimmed) ? Number(trimmed) : Number.NaN;
      if (!Number.isFinite(value)) {
        const found = trimmed === '' ? 'an empty cell' : JSON.stringify(trimmed);
        throw new CliError(`${path}:${index + 1}:${cell.column}: ${found} is not a finite number`);
      }
      values.push(value);
    }
    rows++;
  });
  if (rows === 0 || columns === undefined) {
    throw new CliError(
      `${path}: no data rows; write one row of ${allowed.join(' or ')} numbers per line`,
    );
  }
  return { values: Float64Array.from(values), rows, columns };
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
