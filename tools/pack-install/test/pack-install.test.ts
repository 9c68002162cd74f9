import { execFile } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractSnippets } from '../../readme-snippets/src/extract-snippets.js';
import { publishablePackages, root } from './publishable.js';

const execFileAsync = promisify(execFile);

// Every publishable package is packed and checked; those `nn` runs on are
// installed. backend-gpujs is not: gpu.js would build headless-gl natively
// (minutes) and fetch ~84 MB of WebGPU binaries, and the cli's peer
// dependency on it is optional, so an install of the cli must not pull it.
const PACKED = publishablePackages();
const INSTALLED = ['@nn/core', '@nn/backend-cpu', '@nn/backend-wasm', '@nn/viz', '@nn/cli'];
// Those that may depend on @nn/core; every other package takes it as a peer.
const CORE_DEPENDENTS = new Set(['@nn/core', '@nn/cli', '@nn/viz']);

// The NumPy script's errors with seed 1 (shared/reference/textbook_regression.py),
// held to 1e-9 relative as the cli's tests hold them.
const NUMPY_EPOCH_0 = 0.27577470177378777;
const NUMPY_EPOCH_2000 = 8.368066922303294e-6;

interface Manifest {
  name: string;
  private?: boolean;
  license?: string;
  engines?: { node?: string };
  repository?: { url?: string; directory?: string };
  bin?: Record<string, string>;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  devDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

const dir = mkdtempSync(join(tmpdir(), 'nn-pack-install-'));
const packs = join(dir, 'packs');
const prefix = join(dir, 'prefix');
const tarballs = new Map<string, string>();

// A stranger's environment: without what pnpm and vitest set for the repo
// (NODE_PATH would let `nn` find the workspace's packages, npm_config_* from
// pnpm would configure npm), keeping how npm reaches its registry.
const NETWORK = /^npm_config_(registry|cache|proxy|https_proxy|noproxy|strict_ssl|cafile)$/i;
const strangerEnv = Object.fromEntries(
  Object.entries(process.env).filter(
    ([key]) =>
      !/^(NODE_PATH|NODE_OPTIONS|VITEST.*|PNPM_.*|npm_.*)$/i.test(key) || NETWORK.test(key),
  ),
);

async function run(command: string, args: string[], cwd: string) {
  try {
    const { stdout, stderr } = await execFileAsync(command, args, {
      cwd,
      encoding: 'utf8',
      env: { ...strangerEnv, NO_COLOR: '1' },
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const {
      code,
      stdout = '',
      stderr = '',
    } = error as {
      code?: number | string;
      stdout?: string;
      stderr?: string;
    };
    return { code: typeof code === 'number' ? code : 1, stdout, stderr };
  }
}

const tarText = async (tarball: string, file: string) =>
  (await execFileAsync('tar', ['-xOzf', tarball, `package/${file}`], { encoding: 'utf8' })).stdout;

const nn = (...args: string[]) => run(join(prefix, 'node_modules', '.bin', 'nn'), args, prefix);

const lines = (text: string) => text.split('\n').filter((line) => line !== '');

function expectError(line: string | undefined, pattern: RegExp, reference: number) {
  const match = pattern.exec(line ?? '');
  expect(match, line).not.toBeNull();
  const value = Number(match?.[1]);
  expect(Math.abs(value - reference) / reference).toBeLessThanOrEqual(1e-9);
}

beforeAll(async () => {
  mkdirSync(packs);
  mkdirSync(prefix);
  expect([...PACKED.keys()]).toEqual(expect.arrayContaining(INSTALLED));
  for (const [name, folder] of PACKED) {
    const packed = await run('pnpm', ['pack', '--pack-destination', packs], join(root, folder));
    expect(packed.code, packed.stderr).toBe(0);
    const tarball = lines(packed.stdout).at(-1) ?? '';
    expect(tarball).toMatch(/\.tgz$/);
    tarballs.set(name, tarball);
  }
  const installed = await run(
    'npm',
    [
      'install',
      '--prefix',
      prefix,
      '--no-audit',
      '--no-fund',
      ...INSTALLED.map((name) => tarballs.get(name) ?? ''),
    ],
    dir,
  );
  expect(installed.code, installed.stderr).toBe(0);
}, 300_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the packed tarballs', () => {
  it('hold a LICENSE and publishable manifests with no workspace: specifier left', async () => {
    const license = readFileSync(join(root, 'LICENSE'), 'utf8');
    for (const [name, tarball] of tarballs) {
      expect(await tarText(tarball, 'LICENSE'), name).toBe(license);
      const manifest = JSON.parse(await tarText(tarball, 'package.json')) as Manifest;
      expect(manifest.name).toBe(name);
      expect(manifest.private, name).toBeUndefined();
      expect(manifest.license, name).toBe('MIT');
      expect(manifest.engines?.node, name).toBe('>=20');
      expect(manifest.repository?.directory, name).toBe(PACKED.get(name));
      const specifiers = [
        manifest.dependencies,
        manifest.peerDependencies,
        manifest.devDependencies,
        manifest.optionalDependencies,
      ].flatMap((deps) => Object.values(deps ?? {}));
      expect(
        specifiers.filter((s) => s.startsWith('workspace:')),
        name,
      ).toEqual([]);
      // One @nn/core for an app and its backends: a backend or the suite must not bring its own.
      if (!CORE_DEPENDENTS.has(name)) {
        expect(manifest.dependencies?.['@nn/core'], name).toBeUndefined();
        expect(manifest.peerDependencies?.['@nn/core'], name).toMatch(/^\^\d/);
      }
    }
  });

  it('make the cli an installable `nn` whose gpujs backend and benchmark are optional', async () => {
    const cli = JSON.parse(
      await tarText(tarballs.get('@nn/cli') ?? '', 'package.json'),
    ) as Manifest;
    expect(cli.bin).toEqual({ nn: './dist/bin.js' });
    expect(Object.keys(cli.dependencies ?? {}).sort()).toEqual([
      '@nn/backend-cpu',
      '@nn/backend-wasm',
      '@nn/core',
      '@nn/viz',
    ]);
    expect(cli.peerDependenciesMeta?.['@nn/backend-gpujs']?.optional).toBe(true);
    for (const absent of ['gpu.js', 'gl', 'webgpu', '@nn/backend-gpujs', '@nn/bench']) {
      expect(existsSync(join(prefix, 'node_modules', absent)), absent).toBe(false);
    }
  });
});

describe('installed from the tarballs with npm', () => {
  it("nn train --epochs 3 prints the NumPy script's first line with --rng numpy --seed 1", async () => {
    const result = await nn('train', '--epochs', '3', '--rng', 'numpy', '--seed', '1');
    expect(result.code, result.stderr).toBe(0);
    const out = lines(result.stdout);
    expect(out).toHaveLength(1);
    expectError(out[0], /^Epoch:0\/3 Error:(\S+)$/, NUMPY_EPOCH_0);
  });

  it('nn train --backend wasm runs the .wasm that ships in the tarball, to NumPy within 1e-9', async () => {
    const result = await nn(
      'train',
      '--epochs',
      '3',
      '--rng',
      'numpy',
      '--seed',
      '1',
      '--backend',
      'wasm',
    );
    expect(result.code, result.stderr).toBe(0);
    const out = lines(result.stdout);
    expect(out).toHaveLength(1);
    expectError(out[0], /^Epoch:0\/3 Error:(\S+)$/, NUMPY_EPOCH_0);
  });

  it("nn train --epochs 3 draws a seed, says it on stderr, and prints the book's line", async () => {
    const result = await nn('train', '--epochs', '3');
    expect(result.code, result.stderr).toBe(0);
    expect(lines(result.stdout)).toEqual([expect.stringMatching(/^Epoch:0\/3 Error:0\.\d+/)]);
    expect(result.stderr).toMatch(/seed \d+/);
  });

  it("nn train --png renders through @nn/viz's native canvas", async () => {
    const result = await nn('train', '--epochs', '3', '--png', 'fit.png');
    expect(result.code, result.stderr).toBe(0);
    const png = readFileSync(join(prefix, 'fit.png'));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  });

  it('nn bench says the benchmark is not installed, and --backend gpujs names the package', async () => {
    const bench = await nn('bench', '--quick');
    expect(bench.code).toBe(1);
    expect(bench.stderr).toContain('the benchmark is not installed');
    const gpujs = await nn('train', '--backend', 'gpujs', '--epochs', '3');
    expect(gpujs.code, gpujs.stdout + gpujs.stderr).not.toBe(0);
    expect(gpujs.stderr).toContain('@nn/backend-gpujs');
  });

  it("runs the core README example with node, printing the NumPy script's errors", async () => {
    const readme = 'packages/core/README.md';
    const example = extractSnippets(readme, readFileSync(join(root, readme), 'utf8')).find(
      (snippet) => snippet.lang === 'js' && snippet.action === 'run',
    );
    expect(example, `a js example in ${readme}`).toBeDefined();
    const file = join(prefix, 'readme-example.mjs');
    writeFileSync(file, example?.code ?? '');
    const result = await run(process.execPath, [file], prefix);
    expect(result.code, result.stderr).toBe(0);
    const out = lines(result.stdout);
    expect(out).toHaveLength(11);
    expectError(out[0], /^Epoch:0\/2001 Error:(\S+)$/, NUMPY_EPOCH_0);
    expectError(out[10], /^Epoch:2000\/2001 Error:(\S+)$/, NUMPY_EPOCH_2000);
  });

  it("a second copy of @nn/core recognises the installed packages' NNError by its brand", async () => {
    const second = join(dir, 'second-core');
    mkdirSync(second);
    const extracted = await run('tar', ['-xzf', tarballs.get('@nn/core') ?? '', '-C', second], dir);
    expect(extracted.code, extracted.stderr).toBe(0);
    const script = join(prefix, 'two-copies.mjs');
    copyFileSync(fileURLToPath(new URL('../fixtures/two-copies.mjs', import.meta.url)), script);
    const result = await run(
      process.execPath,
      [script, join(second, 'package', 'dist', 'index.js')],
      prefix,
    );
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      code: 'NN_SHAPE_MISMATCH',
      isNNError: true,
      instanceOfSecond: false,
    });
  });
});
