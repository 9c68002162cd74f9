#!/usr/bin/env node
// Usage (from a package folder, after tsc):
//   node ../../tools/bundle/bundle-entry.mjs [--node] src/index.ts [more entries]
// --node: the code may import Node's built-ins (node:fs...), as the CLI does.
//
// Rewrites each entry's dist/<name>.js as one ES module holding the
// package's own code, so Node loads one file instead of one per source
// module (module loading was most of `nn train`'s start-up). tsc's other
// output stays for the declarations and for subpath exports. Everything
// the package depends on stays an import, so an app and its plug-ins
// share one @nn/core, and a dynamic import of a dependency stays lazy.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { build } from 'esbuild';

const args = process.argv.slice(2);
const forNode = args.includes('--node');
const entries = args.filter((arg) => arg !== '--node');
if (entries.length === 0) {
  console.error('usage: bundle-entry.mjs [--node] src/entry.ts [src/other.ts ...]');
  process.exit(2);
}
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const external = [
  ...Object.keys(pkg.dependencies ?? {}),
  ...Object.keys(pkg.peerDependencies ?? {}),
  ...Object.keys(pkg.optionalDependencies ?? {}),
].flatMap((name) => [name, `${name}/*`]);

await build({
  entryPoints: entries.map((entry) => ({ in: entry, out: basename(entry).replace(/\.ts$/, '') })),
  outdir: 'dist',
  bundle: true,
  format: 'esm',
  platform: forNode ? 'node' : 'neutral',
  target: 'es2022',
  external,
  // The source files import each other as './x.js'; find them as .ts.
  resolveExtensions: ['.ts', '.js'],
  mainFields: ['module', 'main'],
  logLevel: 'warning',
});
