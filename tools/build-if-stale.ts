import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));

interface Manifest {
  name: string;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

/** Every workspace package, by name: its folder and manifest. */
function workspacePackages(): Map<string, { folder: string; manifest: Manifest }> {
  const packages = new Map<string, { folder: string; manifest: Manifest }>();
  for (const group of ['packages', 'apps', 'tools']) {
    for (const entry of readdirSync(join(root, group), { withFileTypes: true })) {
      const file = join(root, group, entry.name, 'package.json');
      if (!entry.isDirectory() || !existsSync(file)) continue;
      const manifest = JSON.parse(readFileSync(file, 'utf8')) as Manifest;
      packages.set(manifest.name, { folder: join(root, group, entry.name), manifest });
    }
  }
  return packages;
}

/**
 * The names of `names` and the workspace packages they load at run time,
 * transitively: dependencies and peer dependencies (the cli's optional gpujs
 * backend is one), not devDependencies.
 */
function runtimeChain(names: readonly string[], packages: ReturnType<typeof workspacePackages>) {
  const chain = new Set<string>();
  const visit = (name: string) => {
    const found = packages.get(name);
    if (found === undefined || chain.has(name)) return;
    chain.add(name);
    const { dependencies = {}, peerDependencies = {} } = found.manifest;
    for (const [dep, spec] of Object.entries({ ...dependencies, ...peerDependencies })) {
      if (spec.startsWith('workspace:')) visit(dep);
    }
  };
  for (const name of names) visit(name);
  return chain;
}

/** The newest modification time of the files under `dir`, 0 when it doesn't exist. */
function newest(dir: string): number {
  if (!existsSync(dir)) return 0;
  let time = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) time = Math.max(time, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return time;
}

/**
 * For a vitest globalSetup whose tests run built code: builds `names` and the
 * workspace packages they run on when one's src/ is newer than its dist/.
 * After `pnpm build`, as in CI, it builds nothing, so it never rewrites files
 * that other packages' tests are reading meanwhile.
 */
export function buildIfStale(names: readonly string[]): void {
  const packages = workspacePackages();
  const chain = [...runtimeChain(names, packages)];
  const stale = chain.some((name) => {
    const { folder } = packages.get(name) as { folder: string };
    return newest(join(folder, 'src')) > newest(join(folder, 'dist'));
  });
  if (!stale) return;
  // pnpm runs the selected packages' builds in dependency order.
  const filters = chain.flatMap((name) => ['--filter', name]);
  try {
    execFileSync('pnpm', [...filters, '--reporter=silent', 'run', 'build'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      encoding: 'utf8',
    });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`pnpm build of ${chain.join(', ')} failed:\n${stdout ?? ''}${stderr ?? ''}`);
  }
}
