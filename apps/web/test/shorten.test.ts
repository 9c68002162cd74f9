import { describe, expect, it } from 'vitest';
import { quote, shorten } from '../src/shorten.js';

describe('shorten and quote', () => {
  it('keeps both ends of a long message and says how much was left out', () => {
    const text = `model: layers[0].bias[0] is "${'a'.repeat(10_000)}", not a finite number; load a file`;
    const short = shorten(text, 100);
    expect(short.startsWith('model: layers[0].bias[0] is "aaa')).toBe(true);
    expect(short.endsWith('not a finite number; load a file')).toBe(true);
    expect(short).toContain(`…(${text.length - 100} characters left out)…`);
    expect(shorten('short', 100)).toBe('short');
  });

  it('quotes a value, cut with its length when long', () => {
    expect(quote('abc')).toBe('"abc"');
    expect(quote('x'.repeat(50), 4)).toBe('"xxxx…" (50 characters)');
  });
});
