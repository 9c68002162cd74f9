import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type BackendDescriptor, checkDescriptor, isNNError } from '@nn/core';
import { CliError } from './cli-error.js';

/**
 * The first-party backends, in the order help, `nn backends` and `auto`
 * take them (the first is auto's choice for small networks). Adding one is
 * a line here and its dependency in package.json: flags, help, `nn backends`
 * and loading all come from its descriptor.
 */
export const BACKEND_PACKAGES: readonly string[] = [
  '@nn/backend-cpu',
  '@nn/backend-gpujs',
  '@nn/backend-wasm',
];

/** Plug-in packages to list beside them: NN_BACKENDS, comma-separated package names. */
export function pluginPackages(env: NodeJS.ProcessEnv = process.env): string[] {
  return (env.NN_BACKENDS ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
}

/** A catalog entry: a package's descriptor, or why it gave none (`missing`: it is not installed). */
export type CatalogEntry =
  | { readonly packageName: string; readonly descriptor: BackendDescriptor }
  | { readonly packageName: string; readonly error: string; readonly missing: boolean };

/** A backend package that resolves nowhere. */
export class BackendPackageMissing extends CliError {}

/** The catalog entry for `packageName`: its descriptor, or the failure to get one. */
export async function catalogEntry(packageName: string): Promise<CatalogEntry> {
  try {
    return { packageName, descriptor: await importDescriptor(packageName) };
  } catch (error) {
    const message =
      error instanceof CliError ? error.message : `${packageName} failed to load: ${String(error)}`;
    return { packageName, error: message, missing: error instanceof BackendPackageMissing };
  }
}

/** Every first-party backend and plug-in; a package that is missing or broken stays listed with why. */
export async function loadCatalog(plugins: readonly string[] = []): Promise<CatalogEntry[]> {
  return Promise.all([...new Set([...BACKEND_PACKAGES, ...plugins])].map(catalogEntry));
}

/** The descriptors that loaded, in catalog order. */
export function descriptors(catalog: readonly CatalogEntry[]): BackendDescriptor[] {
  return catalog.flatMap((entry) => ('descriptor' in entry ? [entry.descriptor] : []));
}

/** Surely a package name, never a short id: scoped, or with a path. */
export function isPackageName(text: string): boolean {
  return text.startsWith('@') || text.includes('/');
}

/**
 * A backend package's descriptor: `<name>/descriptor`'s export, else the
 * package's own `descriptor` export. A plug-in resolves from the working
 * directory first (the user's project), then from nn's own dependencies; a
 * first-party backend from nn's first, so nn runs the versions it was built with.
 */
export async function importDescriptor(packageName: string): Promise<BackendDescriptor> {
  const projectFirst = !BACKEND_PACKAGES.includes(packageName);
  let module: { descriptor?: unknown } | undefined;
  for (const specifier of [`${packageName}/descriptor`, packageName]) {
    module = await importFrom(packageName, specifier, projectFirst);
    if (module !== undefined) break;
  }
  if (module === undefined) {
    throw new BackendPackageMissing(
      `the backend package ${packageName} is not installed: nothing named ${packageName} resolves from ${process.cwd()} or from nn; install it (npm i ${packageName}) or check the name`,
    );
  }
  if (module.descriptor === undefined) {
    throw new CliError(
      `${packageName} exports no backend descriptor: a backend package exports \`descriptor\` (a BackendDescriptor of @nn/core) from '${packageName}/descriptor' or its main module`,
    );
  }
  try {
    return checkDescriptor(module.descriptor, packageName);
  } catch (error) {
    if (isNNError(error)) throw new CliError(error.message);
    throw error;
  }
}

/** The module `specifier` names, or undefined where it does not resolve; any other failure throws. */
async function importFrom(
  packageName: string,
  specifier: string,
  projectFirst: boolean,
): Promise<{ descriptor?: unknown } | undefined> {
  const fromProject = resolveFrom(join(process.cwd(), 'noop.js'), specifier);
  const tries = projectFirst ? [fromProject, specifier] : [specifier, fromProject];
  for (const target of tries) {
    if (target === undefined) continue;
    try {
      return (await import(target)) as { descriptor?: unknown };
    } catch (error) {
      if (!unresolved(error, packageName, specifier)) throw error;
    }
  }
  return undefined;
}

function resolveFrom(parent: string, specifier: string): string | undefined {
  try {
    return pathToFileURL(createRequire(parent).resolve(specifier)).href;
  } catch {
    return undefined;
  }
}

/**
 * Whether `error` says `specifier` itself does not resolve, not that the
 * package, once found, failed on a dependency of its own.
 */
function unresolved(error: unknown, packageName: string, specifier: string): boolean {
  const { code, message } = error as NodeJS.ErrnoException;
  if (code === 'ERR_PACKAGE_PATH_NOT_EXPORTED') return specifier !== packageName;
  if (code !== 'ERR_MODULE_NOT_FOUND') return false;
  const missing = /Cannot find (?:package|module) '([^']+)'/.exec(message)?.[1];
  return (
    missing === packageName || missing === specifier || missing?.endsWith(`/${specifier}`) === true
  );
}
