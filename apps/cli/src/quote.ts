/** Characters of a value shown in a message before it is cut. */
const SHOWN = 40;

/**
 * A value as JSON text for a one-line message, cut after its first
 * characters when long: one 10 MB CSV cell must not make a 10 MB error line.
 */
export function quote(text: string): string {
  if (text.length <= SHOWN) return JSON.stringify(text);
  return `${JSON.stringify(text.slice(0, SHOWN))}… (${text.length} characters)`;
}

/** The same cut, without the quotes: for words such as an unknown option. */
export function shorten(text: string): string {
  if (text.length <= SHOWN) return text;
  return `${text.slice(0, SHOWN)}… (${text.length} characters)`;
}
