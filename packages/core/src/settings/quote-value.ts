/** Characters of a value shown in a message before it is cut. */
const SHOWN = 40;

/**
 * A value as JSON text for a one-line message, cut after its first
 * characters when long: one 10 MB CSV cell must not make a 10 MB message.
 */
export function quoteValue(text: string): string {
  if (text.length <= SHOWN) return JSON.stringify(text);
  return `${JSON.stringify(text.slice(0, SHOWN))}… (${text.length} characters)`;
}

/**
 * A plain decimal number as a user writes it: 1, -0.5, .5, 4., 2e-3. No
 * hex, no Infinity, no NaN. Written so that no two parts can match the same
 * digits, which keeps matching linear: the looser `\d+\.?\d*` backtracks
 * quadratically and takes seconds on a 100 kB run of digits.
 */
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

export function isDecimal(text: string): boolean {
  return DECIMAL.test(text);
}
