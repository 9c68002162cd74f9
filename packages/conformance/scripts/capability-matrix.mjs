#!/usr/bin/env node
// pnpm --filter @nn/conformance matrix: runs the conformance suite of every
// packages/backend-* in Node and writes docs/capabilities.md from its results.
import { execFile } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { arch, platform, tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderMatrix } from './matrix-report.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const out = join(root, 'docs', 'capabilities.md');

/**
 * Test files under `dir` (recursively) that call describeBackend, relative to the package.
 * @param {string} packageDir
 * @returns {string[]}
 */
function conformanceFiles(packageDir, dir = join(packageDir, 'test')) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return conformanceFiles(packageDir, path);
    const isTest = entry.name.endsWith('.test.ts');
    return isTest && readFileSync(path, 'utf8').includes('describeBackend(')
      ? [relative(packageDir, path)]
      : [];
  });
}

/**
 * Runs vitest on `files` in the package, with its own config, and returns the JSON report.
 * @param {string} dir the package's folder, relative to the root
 * @returns {Promise<import('./matrix-report.mjs').PackageRun>}
 */
async function runPackage(dir) {
  const packageDir = join(root, dir);
  const { name: packageName } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
  const files = conformanceFiles(packageDir);
  if (files.length === 0) return { packageName, dir, files };
  const temp = mkdtempSync(join(tmpdir(), 'nn-matrix-'));
  const reportFile = join(temp, 'report.json');
  const vitest = join(
    dirname(createRequire(join(packageDir, 'package.json')).resolve('vitest/package.json')),
    'vitest.mjs',
  );
  // A vitest of its own when this script runs under one.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST')),
  );
  process.stderr.write(`${dir}: vitest run ${files.join(' ')}\n`);
  const output = await new Promise((resolve) => {
    execFile(
      process.execPath,
      [vitest, 'run', ...files, '--reporter=json', `--outputFile=${reportFile}`],
      { cwd: packageDir, env, maxBuffer: 64 * 1024 * 1024 },
      // A failing suite is a result, not an error of this script.
      (_error, stdout, stderr) => resolve(`${stdout}${stderr}`),
    );
  });
  try {
    const report = existsSync(reportFile)
      ? JSON.parse(readFileSync(reportFile, 'utf8'))
      : undefined;
    return report === undefined
      ? { packageName, dir, files, output }
      : { packageName, dir, files, report };
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

const dirs = readdirSync(join(root, 'packages'))
  .filter(
    (name) =>
      name.startsWith('backend-') && existsSync(join(root, 'packages', name, 'package.json')),
  )
  .sort()
  .map((name) => `packages/${name}`);
// One package at a time: GL and wasm suites use every core there is.
const runs = [];
for (const dir of dirs) runs.push(await runPackage(dir));
const markdown = renderMatrix(runs, {
  date: new Date().toISOString().slice(0, 10),
  environment: `Node ${process.version}, ${platform()} ${arch()}`,
});
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, markdown);
process.stderr.write(`wrote ${relative(root, out)}\n`);
