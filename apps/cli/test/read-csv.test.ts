import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_LINE_CHARS, readCsv } from '../src/read-csv.js';
import { tempDir } from './run-nn.js';

const dir = tempDir();
function csv(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('readCsv', () => {
  it('reads x,y rows with or without a header row, skipping blank lines, CRLF and a BOM', async () => {
    const expected = { values: Float64Array.from([0.5, -1, 2e-3, 4]), rows: 2, columns: 2 };
    expect(await readCsv(csv('plain.csv', '0.5,-1\n2e-3,4\n'), [2])).toEqual(expected);
    expect(
      await readCsv(csv('header.csv', '\uFEFFx, y\r\n\r\n0.5, -1\r\n+2e-3,4.\r\n'), [2]),
    ).toEqual(expected);
  });

  it('names the line and column of a cell that is not a number', async () => {
    const path = csv('bad.csv', 'x,y\n1,2\n3,  4x\n');
    await expect(readCsv(path, [2])).rejects.toThrow(`${path}:3:5: "4x" is not a finite number`);
    await expect(readCsv(csv('empty-cell.csv', '1,\n'), [2])).rejects.toThrow(
      /empty-cell\.csv:1:3: an empty cell/,
    );
    await expect(readCsv(csv('nan.csv', '1,NaN\n'), [2])).rejects.toThrow(
      /nan\.csv:1:3: "NaN" is not a finite number/,
    );
  });

  it('takes a first row of non-finite numbers as bad data, not as a header (issue 13, 17)', async () => {
    await expect(readCsv(csv('nan-first.csv', 'NaN,NaN\n1,2\n'), [2])).rejects.toThrow(
      /nan-first\.csv:1:1: "NaN" is not a finite number$/,
    );
    await expect(readCsv(csv('inf-first.csv', 'inf, -Infinity\n1,2\n'), [2])).rejects.toThrow(
      /inf-first\.csv:1:1: "inf" is not a finite number$/,
    );
    expect((await readCsv(csv('words.csv', 'x,y\n1,2\n'), [2])).rows).toBe(1);
  });

  it('names a number beyond float64 as out of range', async () => {
    await expect(readCsv(csv('e400.csv', '1,1e400\n'), [2])).rejects.toThrow(
      /e400\.csv:1:3: "1e400" is out of range \(beyond ±1\.8e308\)$/,
    );
  });

  it('reads rows across the chunks it streams in, CRLF included', async () => {
    const rows = 200_000;
    const text = Array.from({ length: rows }, (_, i) => `${i},${-(i + 1) / 4}`).join('\r\n');
    const table = await readCsv(csv('many.csv', text), [2]);
    expect(table.rows).toBe(rows);
    for (const i of [0, 65_535, 123_457, rows - 1]) {
      expect([table.values[2 * i], table.values[2 * i + 1]]).toEqual([i, -(i + 1) / 4]);
    }
  });

  it('refuses a line longer than a row of numbers can be, naming it', async () => {
    await expect(
      readCsv(csv('long-line.csv', `1,2\n${'1'.repeat(MAX_LINE_CHARS + 1)}\n`), [2]),
    ).rejects.toThrow(`long-line.csv:2:1: the line is longer than ${MAX_LINE_CHARS} characters`);
  });

  it('takes a header only as the first row: a word later on is a bad cell', async () => {
    await expect(readCsv(csv('late-header.csv', '1,2\nx,y\n'), [2])).rejects.toThrow(
      /late-header\.csv:2:1: "x"/,
    );
  });

  it('keeps every row to one allowed column count', async () => {
    expect((await readCsv(csv('one.csv', '1\n2\n'), [1, 2])).columns).toBe(1);
    await expect(readCsv(csv('mixed.csv', '1\n2,3\n'), [1, 2])).rejects.toThrow(
      /mixed\.csv:2:1: found 2 columns, expected 1/,
    );
    await expect(readCsv(csv('three.csv', 'a,b,c\n'), [2])).rejects.toThrow(
      /three\.csv:1:1: found 3 columns, expected 2/,
    );
  });

  it('fails clearly on a missing file or one without data rows', async () => {
    await expect(readCsv(join(dir, 'missing.csv'), [2])).rejects.toThrow(
      /cannot read .*missing\.csv: ENOENT/,
    );
    await expect(readCsv(csv('only-header.csv', 'x,y\n'), [2])).rejects.toThrow(/no data rows/);
  });
});
