import { describe, expect, it } from 'vitest';
import { CsvError, parseCsv } from '../src/parse-csv.js';

function failure(text: string): CsvError {
  try {
    parseCsv(text);
  } catch (error) {
    if (error instanceof CsvError) return error;
    throw error;
  }
  throw new Error('expected a CsvError');
}

describe('parseCsv', () => {
  it('reads x,y rows with a header, blank lines, CRLF and a BOM', () => {
    const data = parseCsv('\uFEFFx,y\r\n-1,0.5\r\n\r\n 2.5e-1 , -3\n');
    expect(Array.from(data.x)).toEqual([-1, 0.25]);
    expect(Array.from(data.t)).toEqual([0.5, -3]);
  });

  it('names the line and column of a bad cell', () => {
    const error = failure('x,y\n1,2\n3,abc\n');
    expect(error.line).toBe(3);
    expect(error.message).toBe('line 3: "abc" in column 2 is not a finite number');
  });

  it('names the line of a row with the wrong number of values', () => {
    expect(failure('1,2\n3\n').message).toBe('line 2: found 1 values; write two per line: x,y');
    expect(failure('1,2,3\n').line).toBe(1);
  });

  it('refuses an empty cell, a header-only file and overflowing numbers', () => {
    expect(failure('1,\n').message).toMatch(/an empty cell/);
    expect(failure('x,y\n').line).toBe(0);
    expect(failure('1,1e999\n').line).toBe(1);
  });
});
