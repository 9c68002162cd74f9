import { NNError } from '../errors.js';
import type { BackendDescriptor } from './backend-descriptor.js';

/**
 * `value` as a BackendDescriptor, or an NN_INVALID_ARGUMENT error naming
 * `source` (e.g. a plug-in package) and the first field that is wrong.
 */
export function checkDescriptor(value: unknown, source: string): BackendDescriptor {
  const fail = (what: string): never => {
    throw new NNError(
      'NN_INVALID_ARGUMENT',
      `${source} does not export a valid backend descriptor: ${what} (see BackendDescriptor in @nn/core)`,
    );
  };
  if (typeof value !== 'object' || value === null) return fail('it is not an object');
  const d = value as Record<string, unknown>;
  for (const field of ['id', 'packageName', 'label', 'needs'] as const) {
    if (typeof d[field] !== 'string' || d[field] === '') fail(`${field} is not a non-empty string`);
  }
  if (!/^[a-z][a-z0-9-]*$/.test(d.id as string)) {
    fail(`id ${JSON.stringify(d.id)} is not lower-case letters, digits and dashes`);
  }
  for (const method of ['probe', 'load'] as const) {
    if (typeof d[method] !== 'function') fail(`${method} is not a function`);
  }
  if (!Array.isArray(d.options)) return fail('options is not an array');
  for (const option of d.options as unknown[]) {
    const o = (option ?? {}) as Record<string, unknown>;
    const values = o.values;
    if (
      typeof o.name !== 'string' ||
      !/^[a-z][a-z0-9-]*$/.test(o.name) ||
      !Array.isArray(values) ||
      values.length === 0 ||
      !values.every((v) => typeof v === 'string') ||
      !(values as unknown[]).includes(o.default) ||
      typeof o.help !== 'string'
    ) {
      fail(
        `option ${JSON.stringify(o.name)} needs a name, string values, a default among them and help`,
      );
    }
  }
  return value as BackendDescriptor;
}
