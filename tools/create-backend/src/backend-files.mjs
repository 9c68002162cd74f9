/**
 * The files of a new backend package, as text. Everything here is written
 * as biome formats it, so that lint passes on the scaffold as it is.
 */

/** Object-literal methods sit two spaces in; biome wraps a line past 100 columns. */
const LINE_WIDTH = 100;

/**
 * @typedef {object} BackendNames
 * @property {string} name the kebab-case name, e.g. 'my-gpu'
 * @property {string} pascal e.g. 'MyGpu'
 * @property {string} camel e.g. 'myGpu'
 * @property {string} packageName e.g. '@nn/backend-my-gpu'
 * @property {string} storage the storage type's name, e.g. 'MyGpuStorage'
 */

/**
 * @param {string} name a validated kebab-case name
 * @returns {BackendNames}
 */
export function backendNames(name) {
  const pascal = name
    .split('-')
    .map((part) => (part[0] ?? '').toUpperCase() + part.slice(1))
    .join('');
  return {
    name,
    pascal,
    camel: pascal.charAt(0).toLowerCase() + pascal.slice(1),
    packageName: `@nn/backend-${name}`,
    storage: `${pascal}Storage`,
  };
}

/**
 * src/<name>-driver.ts: storage hooks on Float64Array and one stub per
 * required kernel, carrying the contract's doc comment.
 * @param {BackendNames} names
 * @param {import('./kernel-contract.mjs').KernelContract[]} contract
 */
export function driverFile(names, contract) {
  const { name, storage } = names;
  const types = new Set(['BackendDriver', 'RequiredKernels', 'Tensor']);
  for (const kernel of contract) {
    for (const parameter of kernel.parameters) {
      // Type names the contract uses (Activation, LossKind…); S becomes the storage type.
      for (const word of parameter.type.match(/\b[A-Z]\w*/g) ?? []) {
        if (word !== 'S') types.add(word);
      }
    }
  }
  const imports = [...types, 'NNError'].map((type) => (type === 'NNError' ? type : `type ${type}`));
  const stubs = contract.map((kernel) => stub(kernel, storage)).join('\n');
  return `${importLine(imports, '@nn/core')}

/** One Float64Array per tensor, row-major; change it and the hooks below together. */
export type ${storage} = Float64Array;

/** The error of a kernel not written yet: the conformance suite fails its tests with it. */
function missing(kernel: keyof RequiredKernels): NNError {
  return new NNError(
    'NN_KERNEL_MISSING',
    \`backend '${name}' does not implement kernel '\${kernel}' yet; write it in src/${name}-driver.ts\`,
  );
}

/**
 * The kernels core calls, each with the contract of packages/core/src/kernels.ts
 * (as it read when this backend was scaffolded). Every one writes into \`out\`,
 * which core allocated with the right shape and checked. Optional kernels
 * (OptionalKernels there: fused dense, element-wise, optimizer updates) can be
 * added to this table later; the suite skips their tests until then.
 */
const kernels: RequiredKernels<${storage}> = {
${stubs}};

export function create${names.pascal}Driver(): BackendDriver<${storage}> {
  // Counts what release has not freed yet, for the suite's leak check (liveAllocations).
  const live = new Set<${storage}>();
  return {
    name: '${name}',
    capabilities: { precision: 'float64', syncRead: true, mode: 'float64' },
    allocate: (size) => {
      const storage = new Float64Array(size);
      live.add(storage);
      return storage;
    },
    upload: (storage, data) => storage.set(data),
    // A fresh array of exactly size values: callers may write into what they read.
    download: (storage, size) => Promise.resolve(storage.slice(0, size)),
    downloadSync: (storage, size) => storage.slice(0, size),
    release: (storage) => {
      live.delete(storage);
    },
    liveAllocations: () => live.size,
    kernels,
  };
}
`;
}

/**
 * One stub method; parameters start with _ until the kernel is written and uses them.
 * @param {import('./kernel-contract.mjs').KernelContract} kernel
 * @param {string} storage the storage type's name
 */
function stub(kernel, storage) {
  const doc =
    kernel.doc.length === 0
      ? ''
      : kernel.doc.length === 1
        ? `  /** ${kernel.doc[0]} */\n`
        : `  /**\n${kernel.doc.map((line) => (line === '' ? '   *\n' : `   * ${line}\n`)).join('')}   */\n`;
  const parameters = kernel.parameters.map(
    (p) => `_${p.name}: ${p.type.replace(/<S>/g, `<${storage}>`)}`,
  );
  const oneLine = `  ${kernel.name}(${parameters.join(', ')}): ${kernel.returns} {`;
  const head =
    oneLine.length <= LINE_WIDTH
      ? oneLine
      : `  ${kernel.name}(\n${parameters.map((p) => `    ${p},\n`).join('')}  ): ${kernel.returns} {`;
  return `${doc}${head}\n    throw missing('${kernel.name}');\n  },\n`;
}

/**
 * An import statement, wrapped one name a line when it passes the line width.
 * @param {string[]} names
 * @param {string} from
 */
function importLine(names, from) {
  // Biome's order: by name, whatever the case, `type` aside.
  const key = (/** @type {string} */ n) => n.replace(/^type /, '');
  names = [...names].sort((a, b) => key(a).localeCompare(key(b), 'en', { sensitivity: 'base' }));
  const oneLine = `import { ${names.join(', ')} } from '${from}';`;
  if (oneLine.length <= LINE_WIDTH) return oneLine;
  return `import {\n${names.map((n) => `  ${n},\n`).join('')}} from '${from}';`;
}

/** @param {BackendNames} names */
export function indexFile(names) {
  const driverImport = importLine(
    [`create${names.pascal}Driver`, `type ${names.storage}`],
    `./${names.name}-driver.js`,
  );
  return `import { Backend } from '@nn/core';
${driverImport}

export type { ${names.storage} } from './${names.name}-driver.js';

/** The ${names.name} backend: \`new Backend\` adds handles, shape checks and memory accounting. */
export function create${names.pascal}Backend(): Backend<${names.storage}> {
  return new Backend(create${names.pascal}Driver());
}
`;
}

/** @param {BackendNames} names */
export function descriptorFile(names) {
  return `import type { BackendDescriptor } from '@nn/core';

/**
 * The ${names.name} backend for the apps' catalog. It imports no backend code
 * itself: \`load\` does, when the backend is chosen.
 */
export const descriptor: BackendDescriptor = {
  id: '${names.name}',
  packageName: '${names.packageName}',
  label: '${names.name}: Float64Array kernels in JavaScript',
  needs: 'nothing beyond JavaScript',
  options: [],
  probe: async () => ({ available: true }),
  load: async () => {
    const { create${names.pascal}Backend } = await import('./index.js');
    return create${names.pascal}Backend();
  },
};
`;
}

/** @param {BackendNames} names */
export function conformanceTestFile(names) {
  return `import { describeBackend } from '@nn/conformance';
import { create${names.pascal}Backend } from '../src/index.js';

describeBackend('${names.name}', () => create${names.pascal}Backend());
`;
}

/** @param {BackendNames} names */
export function readmeFile(names) {
  return `# ${names.packageName}

\`\`\`sh
npm i @nn/core ${names.packageName}
\`\`\`

A backend for @nn, scaffolded by \`pnpm create-backend ${names.name}\`.

\`\`\`ts
import { create${names.pascal}Backend } from '${names.packageName}';

const backend = create${names.pascal}Backend();
console.log(backend.capabilities); // { precision: 'float64', syncRead: true, mode: 'float64' }
\`\`\`

## Status

Storage works (Float64Array); every required kernel in
\`src/${names.name}-driver.ts\` throws \`NN_KERNEL_MISSING\` until it is
written. \`pnpm test\` runs the conformance suite (\`@nn/conformance\`), which
fails kernel by kernel until each one is: see "Write a backend" in
packages/conformance/README.md.
`;
}

/** Scripts every backend has, as backend-cpu's are (it may have more of its own). */
const SCRIPTS = ['build', 'test', 'typecheck', 'lint'];

/** Fields taken from backend-cpu's package.json as they are there. */
const SHARED_FIELDS = ['license', 'type', 'engines', 'sideEffects', 'files', 'publishConfig'];

/**
 * package.json, in backend-cpu's layout and with its shared metadata (license,
 * engines, files, repository…), so that it stays as the first-party packages are.
 * @param {BackendNames} names
 * @param {Record<string, any>} cpu backend-cpu's package.json
 */
export function packageJson(names, cpu) {
  const entry = (/** @type {string} */ file) => ({
    source: `./src/${file}.ts`,
    types: `./dist/${file}.d.ts`,
    default: `./dist/${file}.js`,
  });
  /** @type {Record<string, unknown>} */
  const own = {
    name: names.packageName,
    version: cpu.version,
    description: `${names.name} backend for @nn`,
    exports: { '.': entry('index'), './descriptor': entry('descriptor') },
    scripts: Object.fromEntries(
      SCRIPTS.map((script) => [script, cpu.scripts?.[script] ?? DEFAULT_SCRIPTS[script]]),
    ),
    peerDependencies: { '@nn/core': cpu.peerDependencies?.['@nn/core'] ?? 'workspace:^' },
    devDependencies: { '@nn/conformance': 'workspace:*', '@nn/core': 'workspace:*' },
  };
  if (cpu.repository !== undefined && typeof cpu.repository === 'object') {
    own.repository = { ...cpu.repository, directory: `packages/backend-${names.name}` };
  }
  for (const field of SHARED_FIELDS) {
    if (cpu[field] !== undefined) own[field] = cpu[field];
  }
  // backend-cpu's field order, then any field it lacks.
  const order = [...Object.keys(cpu), ...Object.keys(own)];
  const json = Object.fromEntries(
    [...new Set(order)].filter((key) => key in own).map((key) => [key, own[key]]),
  );
  return `${JSON.stringify(json, null, 2)}\n`;
}

/** @type {Record<string, string>} */
const DEFAULT_SCRIPTS = {
  build: 'tsc -p tsconfig.json',
  test: 'vitest run',
  typecheck: 'tsc -p tsconfig.test.json',
  lint: 'biome check .',
};

/** @param {BackendNames} names */
export function changesetFile(names) {
  return `---
"${names.packageName}": minor
---

New backend ${names.packageName}, scaffolded by \`pnpm create-backend ${names.name}\`.
`;
}
