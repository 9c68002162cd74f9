import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));

interface Manifest {
  name: string;
  dependencies?: Record<string, string>;
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

/** The folders of `name` and the workspace packages it depends on at run time, transitively. */
function runtimeChain(name: string, packages: ReturnType<typeof workspacePackages>): Set<string> {
  const folders = new Set<string>();
  const visit = (current: string) => {
    const found = packages.get(current);
    if (found === undefined || folders.has(found.folder)) return;
    folders.add(found.folder);
    for (const [dep, spec] of Object.entries(found.manifest.dependencies ?? {})) {
      if (spec.startsWith('workspace:')) visit(dep);
    }
  };
  visit(name);
  return folders;
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
 * vitest globalSetup: the smoke test runs the built bench as `pnpm bench`
 * does, and that times the built `nn`; so build the cli and the workspace
 * packages it runs on (this one among them) when one's src/ is newer than
 * its dist/. After `pnpm build`, as in CI, it builds nothing, so it never
 * rewrites files that other packages' tests are running meanwhile.
 */
export default function setup(): void {
  const stale = [...runtimeChain('@nn/cli', workspacePackages())].some(
    (folder) => newest(join(folder, 'src')) > newest(join(folder, 'dist')),
  );
  if (!stale) return;
  try {
    execFileSync('pnpm', ['--filter-prod', '@nn/cli...', '--reporter=silent', 'run', 'build'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      encoding: 'utf8',
    });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(
      `pnpm build of @nn/cli and its packages failed:\n${stdout ?? ''}${stderr ?? ''}`,
    );
  }
}
