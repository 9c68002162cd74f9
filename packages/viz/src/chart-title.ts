/** An error to 6 significant digits (exponent form below 1e-4), so a title stays one short line. */
export function formatError(error: number): string {
  const rounded = Number(error.toPrecision(6));
  return rounded !== 0 && Math.abs(rounded) < 1e-4 ? rounded.toExponential() : String(rounded);
}

/** The book's title: "Epoch i/N  Error e". */
export function epochTitle(frame: { epoch: number; epochs: number; error: number }): string {
  return `Epoch ${frame.epoch}/${frame.epochs}  Error ${formatError(frame.error)}`;
}
