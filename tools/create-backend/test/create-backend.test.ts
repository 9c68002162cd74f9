import { execFile } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../../..', import.meta.url));
const NAME = 'kit-check';
const PACKAGE_DIR = `packages/backend-${NAME}`;
const DRIVER = `${PACKAGE_DIR}/src/${NAME}-driver.ts`;
const KERNEL_TEST = 'kernels against the float64 reference ';
const bin = (name: string) => join(repo, 'node_modules', '.bin', name);
const vitestBin = join(repo, 'node_modules', 'vitest', 'vitest.mjs');

/** Left out of the copy: installed, built and cached files. */
const SKIPPED = new Set(['node_modules', '.git', 'dist', '.turbo', 'coverage', '.vitest']);

interface Run {
  code: number;
  output: string;
}

interface Outcome {
  name: string;
  status: string;
  messages: string[];
}

/** Runs a command to its end; a failing exit is a result here, not an error. */
function run(command: string, args: string[], cwd: string): Promise<Run> {
  // Children are vitests of their own, not workers of this one.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST')),
  );
  return new Promise((resolve) => {
    execFile(command, args, { cwd, env, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
      resolve({ code, output: `${stdout}${stderr}` });
    });
  });
}

/**
 * The repo without what pnpm installs or turbo builds. Root node_modules is
 * linked; each package's node_modules holds only links (workspace packages
 * relative to it, the rest into the root's store), copied as links so that
 * @nn/core resolves to the copy's own core.
 */
function copyRepo(to: string): void {
  cpSync(repo, to, {
    recursive: true,
    filter: (source) => !SKIPPED.has(source.split('/').pop() ?? ''),
  });
  symlinkSync(join(repo, 'node_modules'), join(to, 'node_modules'));
  for (const group of ['packages', 'apps', 'tools']) {
    for (const entry of readdirSync(join(repo, group))) {
      const modules = join(repo, group, entry, 'node_modules');
      if (!existsSync(modules)) continue;
      cpSync(modules, join(to, group, entry, 'node_modules'), {
        recursive: true,
        verbatimSymlinks: true,
        filter: (source) => !/\/\.(vite|vite-temp|bin)$/.test(source),
      });
    }
  }
}

/** What `pnpm install` would link for the new package: its workspace dependencies. */
function linkWorkspaceDependencies(root: string): void {
  const scope = join(root, PACKAGE_DIR, 'node_modules', '@nn');
  mkdirSync(scope, { recursive: true });
  const { devDependencies } = JSON.parse(
    readFileSync(join(root, PACKAGE_DIR, 'package.json'), 'utf8'),
  );
  for (const name of Object.keys(devDependencies)) {
    const target = join(root, 'packages', name.replace('@nn/', ''));
    symlinkSync(relative(scope, target), join(scope, name.replace('@nn/', '')));
  }
}

/** The suite's outcomes in the new package, by test name below its describe block. */
async function conformanceRun(root: string): Promise<Outcome[]> {
  const reportFile = join(root, 'conformance-report.json');
  rmSync(reportFile, { force: true });
  const { output } = await run(
    process.execPath,
    [vitestBin, 'run', '--reporter=json', `--outputFile=${reportFile}`],
    join(root, PACKAGE_DIR),
  );
  if (!existsSync(reportFile)) {
    throw new Error(`the suite wrote no report:\n${output.slice(-3000)}`);
  }
  const report = JSON.parse(readFileSync(reportFile, 'utf8'));
  const outcomes: Outcome[] = [];
  for (const file of report.testResults) {
    if (file.message) throw new Error(`${file.name} did not load: ${file.message}`);
    for (const result of file.assertionResults) {
      const suite = result.ancestorTitles[0] as string;
      outcomes.push({
        name: result.fullName.slice(suite.length + 1),
        status: result.status,
        messages: result.failureMessages.map((m: string) => m.split('\n')[0]),
      });
    }
  }
  return outcomes;
}

let root: string;
let scaffoldRun: Run;
let requiredKernels: string[];

describe('pnpm create-backend, in a copy of the repo', () => {
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'nn-create-backend-'));
    copyRepo(root);
    scaffoldRun = await run(
      process.execPath,
      [join(root, 'tools/create-backend/create-backend.mjs'), NAME],
      root,
    );
    linkWorkspaceDependencies(root);
    const core = await import(pathToFileURL(join(root, 'packages/core/src/index.ts')).href);
    requiredKernels = [...core.REQUIRED_KERNELS];
  });

  afterAll(() => {
    if (root !== undefined) rmSync(root, { recursive: true, force: true });
  });

  it('writes the package, its changeset and its place in the fixed version group, and says what to do next', () => {
    expect(scaffoldRun.code, scaffoldRun.output).toBe(0);
    for (const file of [
      'package.json',
      'README.md',
      'tsconfig.json',
      'tsconfig.test.json',
      'vitest.config.ts',
      'src/index.ts',
      `src/${NAME}-driver.ts`,
      'src/descriptor.ts',
      'test/conformance.test.ts',
    ]) {
      expect(existsSync(join(root, PACKAGE_DIR, file)), file).toBe(true);
    }
    const manifest = JSON.parse(readFileSync(join(root, PACKAGE_DIR, 'package.json'), 'utf8'));
    expect(manifest.name).toBe(`@nn/backend-${NAME}`);
    expect(Object.keys(manifest.exports)).toEqual(['.', './descriptor']);
    expect(Object.keys(manifest.peerDependencies)).toEqual(['@nn/core']);
    expect(manifest.devDependencies).toEqual({
      '@nn/conformance': 'workspace:*',
      '@nn/core': 'workspace:*',
    });
    expect(Object.keys(manifest.scripts)).toEqual(['build', 'test', 'typecheck', 'lint']);
    expect(readFileSync(join(root, `.changeset/backend-${NAME}.md`), 'utf8')).toContain(
      `"@nn/backend-${NAME}": minor`,
    );
    const config = JSON.parse(readFileSync(join(root, '.changeset/config.json'), 'utf8'));
    const group = config.fixed.find((g: string[]) => g.includes('@nn/core'));
    expect(group).toContain(`@nn/backend-${NAME}`);
    expect(scaffoldRun.output).toContain('pnpm install');
    expect(scaffoldRun.output).toContain('apps/cli/src/backend-catalog.ts');
    expect(scaffoldRun.output).toContain('apps/web/src/backend-catalog.ts');
  });

  it('passes lint at once', async () => {
    const lint = await run(bin('biome'), ['check', '.'], join(root, PACKAGE_DIR));
    expect(lint.code, lint.output).toBe(0);
  });

  it('passes typecheck at once', async () => {
    const typecheck = await run(bin('tsc'), ['-p', 'tsconfig.test.json'], join(root, PACKAGE_DIR));
    expect(typecheck.code, typecheck.output).toBe(0);
  });

  it("carries each required kernel's contract from core's kernels.ts, and each stub throws NN_KERNEL_MISSING", async () => {
    const driverSource = readFileSync(join(root, DRIVER), 'utf8');
    // A doc line of kernels.ts, copied as it is.
    expect(driverSource).toContain(
      '/** out = op(a) · op(b), op transposing when its flag is set. */\n  matMul(',
    );
    const core = await import(pathToFileURL(join(root, 'packages/core/src/index.ts')).href);
    const driverModule = await import(pathToFileURL(join(root, DRIVER)).href);
    const driver = driverModule.createKitCheckDriver();
    expect(Object.keys(driver.kernels)).toEqual(requiredKernels);
    for (const kernel of requiredKernels) {
      let caught: unknown;
      try {
        driver.kernels[kernel]();
      } catch (error) {
        caught = error;
      }
      expect(core.isNNError(caught, 'NN_KERNEL_MISSING'), `${kernel}: ${caught}`).toBe(true);
      expect((caught as Error).message).toContain(`'${kernel}'`);
    }
  });

  it('exports a descriptor for the apps that probes as available and loads the backend', async () => {
    const { descriptor } = await import(
      pathToFileURL(join(root, PACKAGE_DIR, 'src/descriptor.ts')).href
    );
    expect(descriptor).toMatchObject({ id: NAME, packageName: `@nn/backend-${NAME}`, options: [] });
    expect(await descriptor.probe()).toEqual({ available: true });
    const backend = await descriptor.load();
    expect(backend.name).toBe(NAME);
    expect(backend.capabilities).toEqual({ precision: 'float64', syncRead: true, mode: 'float64' });
    backend.destroy();
  });

  it('then fails its conformance suite kernel by kernel, each kernel test naming its own kernel, storage passing', async () => {
    const outcomes = await conformanceRun(root);
    const storage = outcomes.filter((o) => o.name.startsWith('storage '));
    expect(storage.length).toBeGreaterThan(3);
    expect(storage.filter((o) => o.status === 'failed')).toEqual([]);
    const kernelTests = outcomes.filter((o) => o.name.startsWith(KERNEL_TEST));
    const failedByKernel = new Map<string, number>();
    for (const test of kernelTests) {
      const kernel = test.name.slice(KERNEL_TEST.length).split(/[\s:]/)[0] ?? '';
      if (test.name.endsWith('(optional)') || test.name.endsWith('(the fused kernel)')) {
        expect(test.status, test.name).toBe('skipped');
        continue;
      }
      expect(test.status, test.name).toBe('failed');
      expect(test.messages, test.name).toEqual([
        `NNError: backend '${NAME}' does not implement kernel '${kernel}' yet; write it in src/${NAME}-driver.ts`,
      ]);
      failedByKernel.set(kernel, (failedByKernel.get(kernel) ?? 0) + 1);
    }
    // lossGradient is tested with lossValue, which fails first.
    expect([...failedByKernel.keys()].sort()).toEqual(
      requiredKernels.filter((k) => k !== 'lossGradient').sort(),
    );
  });

  it('and passes the tests of a kernel once it is written', async () => {
    const driverPath = join(root, DRIVER);
    const source = readFileSync(driverPath, 'utf8');
    const stub =
      /fill\(_out: (Tensor<\w+>), _value: number\): void \{\n\s*throw missing\('fill'\);/;
    expect(source).toMatch(stub);
    writeFileSync(
      driverPath,
      source.replace(stub, 'fill(out: $1, value: number): void {\n    out.storage.fill(value);'),
    );
    const outcomes = await conformanceRun(root);
    const status = (name: string) => outcomes.find((o) => o.name === name)?.status;
    expect(status(`${KERNEL_TEST}fill sets every element`)).toBe('passed');
    expect(status(`${KERNEL_TEST}matMul 1×1 · 1×1`)).toBe('failed');
    const typecheck = await run(bin('tsc'), ['-p', 'tsconfig.test.json'], join(root, PACKAGE_DIR));
    expect(typecheck.code, typecheck.output).toBe(0);
  });

  it('scaffolds a name of the longest length allowed that passes lint too, its long lines wrapped as biome wraps them', async () => {
    const longest = 'abcdefghijklmnopqrst';
    const scaffolded = await run(
      process.execPath,
      [join(root, 'tools/create-backend/create-backend.mjs'), longest],
      root,
    );
    expect(scaffolded.code, scaffolded.output).toBe(0);
    const lint = await run(bin('biome'), ['check', '.'], join(root, `packages/backend-${longest}`));
    expect(lint.code, lint.output).toBe(0);
  });

  it('refuses a name that is not kebab-case, a reserved id and an existing folder, with exit code 2', async () => {
    const script = join(root, 'tools/create-backend/create-backend.mjs');
    for (const [name, reason] of [
      ['MyGpu', 'not a backend name'],
      ['my--gpu', 'not a backend name'],
      ['1gpu', 'not a backend name'],
      ['auto', 'reserved'],
      ['abcdefghijklmnopqrstu', 'longer than 20 characters'],
      ['cpu', 'packages/backend-cpu exists already'],
      [NAME, `${PACKAGE_DIR} exists already`],
    ] as const) {
      const refused = await run(process.execPath, [script, name], root);
      expect(refused.code, name).toBe(2);
      expect(refused.output, name).toContain(reason);
    }
    expect(existsSync(join(root, 'packages/backend-MyGpu'))).toBe(false);
  });
});
