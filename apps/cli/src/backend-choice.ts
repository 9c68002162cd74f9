import type { BackendDescriptor, BackendOptionValues } from '@nn/core';
import {
  type CatalogEntry,
  catalogEntry,
  descriptors,
  isPackageName,
  loadCatalog,
  pluginPackages,
} from './backend-catalog.js';
import { CliError } from './cli-error.js';
import type { FlagValues } from './flag-values.js';
import { quote } from './quote.js';

/** `--backend`'s default: the textbook run stays on cpu float64, byte for byte, with no probing. */
export const DEFAULT_BACKEND = 'cpu';

/** Where a network runs: a backend and its options, or `auto`'s pick at start. */
export type BackendChoice =
  | { readonly auto: true; readonly catalog: readonly BackendDescriptor[] }
  | {
      readonly auto: false;
      readonly descriptor: BackendDescriptor;
      readonly options: BackendOptionValues;
    };

/**
 * The catalog a command's flags are built from: the first-party backends,
 * NN_BACKENDS and, when `--backend` names a package, that package.
 */
export async function catalogFor(args: readonly string[]): Promise<CatalogEntry[]> {
  const catalog = await loadCatalog(pluginPackages());
  const asked = backendArgument(args);
  const known = (name: string) =>
    descriptors(catalog).some((d) => d.id === name || d.packageName === name);
  if (asked === undefined || asked === 'auto' || known(asked)) return catalog;
  return [...catalog, await catalogEntry(asked)];
}

/** The parseArgs options for `--backend` and every option of every backend in the catalog. */
export function backendFlags(catalog: readonly CatalogEntry[]): Record<string, { type: 'string' }> {
  const flags: Record<string, { type: 'string' }> = { backend: { type: 'string' } };
  for (const descriptor of descriptors(catalog)) {
    for (const option of descriptor.options) flags[option.name] = { type: 'string' };
  }
  return flags;
}

/**
 * --backend with its own options; an option of another backend is a usage
 * error that says which backend takes it.
 */
export function readBackendChoice(
  flags: FlagValues,
  values: Readonly<Record<string, unknown>>,
  catalog: readonly CatalogEntry[],
): BackendChoice {
  const all = descriptors(catalog);
  const asked = (values.backend as string | undefined) ?? DEFAULT_BACKEND;
  const given = optionNames(all).filter((name) => values[name] !== undefined);
  if (asked === 'auto') {
    const stray = given[0];
    if (stray !== undefined) {
      throw flags.fail(
        `--${stray} is for --backend ${owners(all, stray)}; --backend auto picks the backend and its options itself`,
      );
    }
    return { auto: true, catalog: all };
  }
  const descriptor = all.find((d) => d.id === asked || d.packageName === asked);
  if (descriptor === undefined) throw notABackend(flags, asked, catalog);
  const options: Record<string, string> = {};
  for (const name of given) {
    const option = descriptor.options.find((o) => o.name === name);
    if (option === undefined) {
      const own = descriptor.options.map((o) => `--${o.name} ${o.values.join('|')}`).join(', ');
      throw flags.fail(
        `--${name} is for --backend ${owners(all, name)}; the ${descriptor.id} backend takes ${own === '' ? 'no options' : own}`,
      );
    }
    options[name] = flags.oneOf(`--${name}`, values[name] as string, option.values);
  }
  return { auto: false, descriptor, options };
}

function notABackend(flags: FlagValues, asked: string, catalog: readonly CatalogEntry[]): Error {
  // A first-party id whose package is missing (e.g. gpujs without @nn/backend-gpujs) says so.
  const failed = catalog.find(
    (entry) => entry.packageName === asked || entry.packageName === `@nn/backend-${asked}`,
  );
  const error = failed !== undefined && 'error' in failed ? failed : undefined;
  if (error !== undefined && !error.missing) return new CliError(error.error);
  const ids = [...descriptors(catalog).map((d) => d.id), 'auto'].join(', ');
  const package_ = isPackageName(asked) ? '' : ' or the name of an installed backend package';
  return flags.fail(
    `--backend ${quote(asked)} is not valid; it must be one of ${ids}${package_}${error === undefined ? '' : ` (${error.error})`}`,
  );
}

function optionNames(all: readonly BackendDescriptor[]): string[] {
  return [...new Set(all.flatMap((d) => d.options.map((o) => o.name)))];
}

function owners(all: readonly BackendDescriptor[], option: string): string {
  return all
    .filter((d) => d.options.some((o) => o.name === option))
    .map((d) => d.id)
    .join(' or ');
}

/** The value of the last --backend in `args`, before parseArgs runs (it needs the flags first). */
function backendArgument(args: readonly string[]): string | undefined {
  let value: string | undefined;
  args.forEach((arg, i) => {
    if (arg === '--backend') value = args[i + 1];
    else if (arg.startsWith('--backend=')) value = arg.slice('--backend='.length);
  });
  return value;
}
