import { CsvRowError } from '@nn/core';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../src/parse-csv.js';

// The rules and messages are core's CsvRows, the CLI's --data reader's too.

function failure(text: string): CsvRowError {
  try {
    parseCsv(text);
  } catch (error) {
    if (error instanceof CsvRowError) return error;
    throw error;
  }
  throw new Error('expected a CsvRowError');
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
    expect(error.column).toBe(3);
    expect(error.message).toBe('line 3, column 3: "abc" is not a finite number');
  });

  it('names the line of a row with the wrong number of values', () => {
    expect(failure('1,2\n3\n').message).toBe(
      'line 2, column 1: found 1 column, expected 2 (comma-separated)',
    );
    expect(failure('1,2,3\n').line).toBe(1);
  });

  it('refuses an empty cell, a header-only file and overflowing numbers', () => {
    expect(failure('1,\n').message).toMatch(/an empty cell/);
    expect(failure('x,y\n').line).toBe(0);
    expect(failure('1,1e999\n').line).toBe(1);
  });

  it('takes a first row of NaN or infinities for data, not a header, and refuses it', () => {
    expect(failure('NaN,NaN\n1,2\n').message).toBe(
      'line 1, column 1: "NaN" is not a finite number',
    );
    expect(failure('x,Infinity\n').message).toBe('line 1, column 1: "x" is not a finite number');
    expect(failure('1,2\n-inf,3\n').line).toBe(2);
  });

  it('cuts a long bad cell in the message, saying its length', () => {
    const error = failure(`1,2\n3,${'9'.repeat(20)}x${'9'.repeat(1_000_000)}\n`);
    expect(error.message).toBe(
      `line 2, column 3: "${'9'.repeat(20)}x${'9'.repeat(19)}"… (1000021 characters) is not a finite number`,
    );
  });

  it('stops at the first row past the 10000 the page trains on', () => {
    const rows = Array.from({ length: 10_001 }, (_, i) => `${i},${i}`);
    expect(parseCsv(rows.slice(0, 10_000).join('\n')).x).toHaveLength(10_000);
    expect(failure(`x,y\n${rows.join('\n')}\nbad`).message).toBe(
      'line 10002, column 1: more than 10000 rows; the page trains on at most 10000',
    );
  });
});
