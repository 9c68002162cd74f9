/**
 * A float as Python's str()/repr() writes it, so the CLI prints the book's
 * lines character for character: the shortest digits that round-trip (as JS),
 * but scientific notation when the exponent is below -4 or above 15, a
 * two-digit exponent (1e-05) and ".0" on whole numbers.
 */
export function formatPythonFloat(value: number): string {
  if (Number.isNaN(value)) return 'nan';
  if (!Number.isFinite(value)) return value > 0 ? 'inf' : '-inf';
  if (value === 0) return Object.is(value, -0) ? '-0.0' : '0.0';
  const sign = value < 0 ? '-' : '';
  const [mantissa = '', exponentText = '0'] = Math.abs(value).toExponential().split('e');
  const exponent = Number(exponentText);
  const digits = mantissa.replace('.', '');
  // Python's float_repr: decpt is where the point goes after the first `decpt` digits.
  const decpt = exponent + 1;
  if (decpt <= -4 || decpt > 16) {
    const absExponent = String(Math.abs(exponent)).padStart(2, '0');
    return `${sign}${mantissa}e${exponent < 0 ? '-' : '+'}${absExponent}`;
  }
  if (decpt <= 0) return `${sign}0.${'0'.repeat(-decpt)}${digits}`;
  if (decpt >= digits.length) return `${sign}${digits}${'0'.repeat(decpt - digits.length)}.0`;
  return `${sign}${digits.slice(0, decpt)}.${digits.slice(decpt)}`;
}
