import { NNError } from '@nn/core';
import { type WasmModule, webAssembly } from './web-api.js';

/** The two builds of assembly/: plain memory (one thread) and shared memory (a worker pool). */
export type ModuleVariant = 'simd' | 'simd-threads';

/**
 * The .wasm files ship in dist/wasm. From src/ (tests) and dist/ (the
 * published package) alike this path reaches that folder, and bundlers
 * (Vite) copy a file named by `new URL(literal, import.meta.url)`.
 */
const URLS: Record<ModuleVariant, URL> = {
  simd: new URL('../dist/wasm/nn-simd.wasm', import.meta.url),
  'simd-threads': new URL('../dist/wasm/nn-simd-threads.wasm', import.meta.url),
};

const compiled = new Map<ModuleVariant, Promise<WasmModule>>();

/** The compiled module, once per variant in this realm: from the file system in Node, fetched elsewhere. */
export function loadModule(variant: ModuleVariant): Promise<WasmModule> {
  let module = compiled.get(variant);
  if (module === undefined) {
    module = compile(URLS[variant]);
    compiled.set(variant, module);
    module.catch(() => compiled.delete(variant));
  }
  return module;
}

async function compile(url: URL): Promise<WasmModule> {
  try {
    return webAssembly().compile(await read(url));
  } catch (cause) {
    throw new NNError(
      'NN_BACKEND_UNAVAILABLE',
      `wasm backend: could not load ${url.href} (${(cause as Error).message}); it ships in the package's dist/wasm (\`pnpm build\` makes it), and a bundler must copy it`,
      { cause },
    );
  }
}

async function read(url: URL): Promise<ArrayBuffer | Uint8Array> {
  if (url.protocol === 'file:') {
    // A variable specifier keeps bundlers from pulling node:fs into browser builds.
    const fs = 'node:fs/promises';
    const { readFile } = (await import(/* @vite-ignore */ fs)) as typeof import('node:fs/promises');
    return readFile(url);
  }
  const response = await fetch(url);
  if (!response.ok) throw new Error(`the server answered ${response.status}`);
  return response.arrayBuffer();
}
