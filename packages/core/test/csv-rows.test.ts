import { describe, expect, it } from 'vitest';
import { CsvRowError, CsvRows, gifFrames } from '../src/index.js';

function read(text: string, allowed: ConstructorParameters<typeof CsvRows>[0] = [2]) {
  const rows = new CsvRows(allowed);
  for (const line of text.split('\n')) rows.line(line);
  return rows.finish();
}

function failure(
  text: string,
  allowed: ConstructorParameters<typeof CsvRows>[0] = [2],
): CsvRowError {
  try {
    read(text, allowed);
  } catch (error) {
    if (error instanceof CsvRowError) return error;
    throw error;
  }
  throw new Error('expected a CsvRowError');
}

describe('CsvRows (the CLI’s and the web app’s CSV rules)', () => {
  it('reads rows under a header, skipping blank lines, CRLF and a BOM', () => {
    const table = read('\uFEFFx,y\r\n-1,0.5\r\n\r\n 2.5e-1 , -3\n');
    expect(Array.from(table.values)).toEqual([-1, 0.5, 0.25, -3]);
    expect(table).toMatchObject({ rows: 2, columns: 2 });
  });

  it('takes labelled rows: features, then a class label', () => {
    const table = read('a,b,species\n1,2,setosa\n3,4, virginica\n', 'labelled');
    expect(table).toMatchObject({ rows: 2, columns: 2, labels: ['setosa', 'virginica'] });
  });

  it('names the line and character column of what is wrong, and why', () => {
    expect(failure('x,y\n1,2\n3, abc\n')).toMatchObject({
      line: 3,
      column: 4,
      reason: '"abc" is not a finite number',
    });
    expect(failure('1,2\n3\n').reason).toBe('found 1 column, expected 2 (comma-separated)');
    expect(failure('1,1e999\n').reason).toBe('"1e999" is out of range (beyond ±1.8e308)');
    expect(failure('1,\n').reason).toBe('an empty cell is not a finite number');
    expect(failure('1,2,\n', 'labelled').reason).toBe('the class label is empty');
    expect(failure('x,y\n')).toMatchObject({
      line: 0,
      message: 'no data rows; write one row of 2 numbers per line',
    });
  });

  it('takes a first row of NaN for data (and refuses it), not for a header', () => {
    expect(failure('NaN,NaN\n1,2\n')).toMatchObject({ line: 1, column: 1 });
  });
});

describe('gifFrames', () => {
  it('counts one frame per reported epoch and the last', () => {
    expect(gifFrames(2001, 200)).toBe(11);
    expect(gifFrames(2001, 1)).toBe(2001);
    expect(gifFrames(10, 4)).toBe(4);
  });
});
