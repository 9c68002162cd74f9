import { describe, expect, it } from 'vitest';
import { formatPythonFloat } from '../src/python-float.js';

describe('formatPythonFloat writes floats as Python’s str()', () => {
  it.each([
    [0.27577470177378777, '0.27577470177378777'],
    [8.368066922303294e-6, '8.368066922303294e-06'],
    [1e-5, '1e-05'],
    [0.0001, '0.0001'],
    [1.5e-300, '1.5e-300'],
    [2, '2.0'],
    [-3.5, '-3.5'],
    [1e15, '1000000000000000.0'],
    [1e16, '1e+16'],
    [1.4524908604457332e245, '1.4524908604457332e+245'],
    [0, '0.0'],
    [-0, '-0.0'],
    [Number.NaN, 'nan'],
    [Number.NEGATIVE_INFINITY, '-inf'],
  ])('%s → %s', (value, text) => {
    expect(formatPythonFloat(value)).toBe(text);
  });

  it('round-trips: the text parses back to the same number', () => {
    for (const value of [Math.PI / 7, 1 / 3e9, 123456.789e10, Number.MIN_VALUE, Number.MAX_VALUE]) {
      expect(Number(formatPythonFloat(value))).toBe(value);
    }
  });
});
