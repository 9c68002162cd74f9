// Compiles assembly/ with AssemblyScript into dist/wasm: one module on plain memory (SIMD, one thread)
// and one on shared memory (SIMD with a worker pool). Skips the work when both are newer than every
// source, so the test setup can call it on every run.
import { mkdirSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import asc from 'assemblyscript/asc';

const root = fileURLToPath(new URL('..', import.meta.url));
const sources = [
  ...readdirSync(`${root}assembly`).map((file) => `${root}assembly/${file}`),
  fileURLToPath(import.meta.url),
];

/** wasm32's ceiling: 65536 pages of 64 KiB, 4 GiB. */
const MAX_PAGES = '65536';
const COMMON = [
  'assembly/index.ts',
  '-O3',
  '--noAssert',
  '--runtime',
  'stub',
  '--use',
  'abort=',
  '--enable',
  'simd,threads',
  '--importMemory',
  '--initialMemory',
  '1',
  '--maximumMemory',
  MAX_PAGES,
];
const VARIANTS = {
  'nn-simd.wasm': [],
  'nn-simd-threads.wasm': ['--sharedMemory'],
};

const mtime = (path) => {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return -1;
  }
};

export async function buildWasm({ force = false } = {}) {
  const newest = Math.max(...sources.map(mtime));
  mkdirSync(`${root}dist/wasm`, { recursive: true });
  for (const [file, flags] of Object.entries(VARIANTS)) {
    const out = `${root}dist/wasm/${file}`;
    if (!force && mtime(out) > newest) continue;
    const { error, stderr } = await asc.main([...COMMON, ...flags, '-o', out], {
      stdout: process.stdout,
    });
    if (error) throw new Error(`asc failed for ${file}: ${error.message}\n${stderr.toString()}`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildWasm({ force: process.argv.includes('--force') });
}
