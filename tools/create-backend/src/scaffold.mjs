import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  backendNames,
  changesetFile,
  conformanceTestFile,
  descriptorFile,
  driverFile,
  indexFile,
  packageJson,
  readmeFile,
} from './backend-files.mjs';
import { readRequiredKernels } from './kernel-contract.mjs';

/** A usage mistake: the CLI prints it with the usage and exits with 2. */
export class UsageError extends Error {}

/** Short enough for flags, and for every generated line to fit biome's line width. */
const MAX_LENGTH = 20;

/** Ids the apps' catalog keeps for itself. */
const RESERVED = new Set(['auto']);

/** Config files a backend shares with backend-cpu, copied as they are there. */
const COPIED_FROM_CPU = ['tsconfig.json', 'tsconfig.test.json', 'vitest.config.ts', 'LICENSE'];

/**
 * Checks `name` and returns the folder it would get; throws UsageError when
 * the name is not short kebab-case, is reserved, or its folder exists.
 * @param {string} root the monorepo's root
 * @param {string | undefined} name
 */
function checkName(root, name) {
  if (name === undefined || name === '') throw new UsageError('give the backend a name');
  if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(name)) {
    throw new UsageError(
      `'${name}' is not a backend name: use lowercase letters, digits and single dashes, starting with a letter (e.g. 'webgpu' or 'my-gpu')`,
    );
  }
  if (name.length > MAX_LENGTH) {
    throw new UsageError(
      `'${name}' is longer than ${MAX_LENGTH} characters; a backend id is typed in flags and URLs`,
    );
  }
  if (RESERVED.has(name)) throw new UsageError(`'${name}' is reserved by the apps' backend choice`);
  const dir = join(root, 'packages', `backend-${name}`);
  if (existsSync(dir)) {
    throw new UsageError(`packages/backend-${name} exists already; pick another name`);
  }
  return dir;
}

/**
 * Writes packages/backend-<name> and its changeset, and adds the package to
 * the changeset group that versions core and the backends together.
 * @param {string} root the monorepo's root
 * @param {string} name
 * @returns {{ dir: string, files: string[] }} the folder and every file written, relative to root
 */
export function scaffold(root, name) {
  const dir = checkName(root, name);
  const names = backendNames(name);
  const cpuDir = join(root, 'packages', 'backend-cpu');
  const cpu = JSON.parse(readFileSync(join(cpuDir, 'package.json'), 'utf8'));
  const contract = readRequiredKernels(join(root, 'packages', 'core', 'src', 'kernels.ts'));
  /** @type {[string, string][]} */
  const files = [
    ['package.json', packageJson(names, cpu)],
    ['README.md', readmeFile(names)],
    ['src/index.ts', indexFile(names)],
    [`src/${name}-driver.ts`, driverFile(names, contract)],
    ['src/descriptor.ts', descriptorFile(names)],
    ['test/conformance.test.ts', conformanceTestFile(names)],
  ];
  for (const file of COPIED_FROM_CPU) {
    if (existsSync(join(cpuDir, file))) {
      files.push([file, readFileSync(join(cpuDir, file), 'utf8')]);
    }
  }
  mkdirSync(join(dir, 'src'), { recursive: true });
  mkdirSync(join(dir, 'test'));
  for (const [file, text] of files) writeFileSync(join(dir, file), text);
  const written = files.map(([file]) => `packages/backend-${name}/${file}`);
  written.push(...addChangeset(root, names));
  return { dir, files: written };
}

/**
 * A changeset announcing the package, and the package in the `fixed` group
 * with @nn/core, so that it is versioned with core and the other backends.
 * @param {string} root
 * @param {import('./backend-files.mjs').BackendNames} names
 */
function addChangeset(root, names) {
  const changesetDir = join(root, '.changeset');
  if (!existsSync(changesetDir)) return [];
  const changeset = `.changeset/backend-${names.name}.md`;
  writeFileSync(join(root, changeset), changesetFile(names));
  const configPath = join(changesetDir, 'config.json');
  if (!existsSync(configPath)) return [changeset];
  const text = readFileSync(configPath, 'utf8');
  const updated = withFixedMember(text, names.packageName);
  if (updated === text) return [changeset];
  writeFileSync(configPath, updated);
  return [changeset, '.changeset/config.json'];
}

/**
 * config.json's text with `packageName` added to the fixed group that holds
 * @nn/core, edited in place so that the file keeps its own layout.
 * @param {string} text
 * @param {string} packageName
 */
function withFixedMember(text, packageName) {
  const config = JSON.parse(text);
  /** @type {string[] | undefined} */
  const group = (config.fixed ?? []).find((/** @type {string[]} */ g) => g.includes('@nn/core'));
  if (group === undefined || group.includes(packageName)) return text;
  const core = text.indexOf('"@nn/core"');
  const open = text.lastIndexOf('[', core);
  const close = text.indexOf(']', core);
  const members = text.slice(open + 1, close);
  const last = members.lastIndexOf('"') + 1;
  // The separator the file uses between members: ", " on one line, or a newline and indentation.
  const separator = /"(\s*,\s*)"/.exec(members)?.[1] ?? ', ';
  const updated = `${text.slice(0, open + 1)}${members.slice(0, last)}${separator}${JSON.stringify(packageName)}${members.slice(last)}${text.slice(close)}`;
  const check = JSON.parse(updated).fixed.find((/** @type {string[]} */ g) =>
    g.includes('@nn/core'),
  );
  if (!check.includes(packageName)) {
    throw new Error('could not add the package to .changeset/config.json');
  }
  return updated;
}
