import { type CsvColumns, CsvRowError, CsvRows, type CsvTable } from '@nn/core';
import { CliError } from './cli-error.js';
import { readTextChunks } from './read-text.js';

export type { CsvColumns, CsvTable };

/** The largest CSV read: its values (8 bytes each, at least 2 bytes of text each) then fit memory several times over. */
export const MAX_CSV_BYTES = 256 * 2 ** 20;
/** A row is a few numbers; a longer line means the file is not a CSV of numbers (e.g. /dev/zero). */
export const MAX_LINE_CHARS = 2 ** 20;

/**
 * Reads a CSV of numbers by core's rules (CsvRows: an optional header,
 * every row one of the `allowed` column counts), streamed line by line, at
 * most MAX_CSV_BYTES; a bad cell fails with "file:line:column" and what was found.
 */
export async function readCsv(path: string, allowed: CsvColumns): Promise<CsvTable> {
  const rows = new CsvRows(allowed);
  try {
    let pending = '';
    for await (const chunk of readTextChunks(path, {
      bytes: MAX_CSV_BYTES,
      what: 'CSV files',
      advice: 'keep fewer rows',
    })) {
      let text = pending + chunk;
      let start = 0;
      for (let end = text.indexOf('\n', start); end !== -1; end = text.indexOf('\n', start)) {
        checkLength(path, rows, end - start);
        rows.line(text.slice(start, end));
        start = end + 1;
      }
      text = text.slice(start);
      checkLength(path, rows, text.length);
      pending = text;
    }
    if (pending !== '') rows.line(pending);
    return rows.finish();
  } catch (error) {
    if (!(error instanceof CsvRowError)) throw error;
    const where = error.line > 0 ? `${path}:${error.line}:${error.column}` : path;
    throw new CliError(`${where}: ${error.reason}`);
  }
}

function checkLength(path: string, rows: CsvRows, length: number): void {
  if (length > MAX_LINE_CHARS) {
    throw new CliError(
      `${path}:${rows.lineNumber + 1}:1: the line is longer than ${MAX_LINE_CHARS} characters; a row holds a few numbers: is this a CSV file?`,
    );
  }
}
