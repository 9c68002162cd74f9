/**
 * `text` cut in the middle to about `max` characters, saying how much was
 * left out: a value echoed from a file can be megabytes long, and the start
 * (what failed, where) and the end (what to do) are the parts worth keeping.
 */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const keep = Math.floor(max / 2);
  return `${text.slice(0, keep)} …(${text.length - 2 * keep} characters left out)… ${text.slice(-keep)}`;
}

/** A value from a file, quoted for a message, its length said when it is cut. */
export function quote(value: string, max = 40): string {
  if (value.length <= max) return JSON.stringify(value);
  return `${JSON.stringify(`${value.slice(0, max)}…`)} (${value.length} characters)`;
}
