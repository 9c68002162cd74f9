import { appendFileSync } from 'node:fs';

/** A module-resolution hook that records each resolved URL, one a line. */
export async function resolve(specifier, context, nextResolve) {
  const result = await nextResolve(specifier, context);
  appendFileSync(process.env.NN_RESOLVE_LOG, `${result.url}\n`);
  return result;
}
