import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * Every workspace package that is not private, by name, with its folder
 * relative to the repo root: what `changeset publish` would publish.
 */
export function publishablePackages(): Map<string, string> {
  const found = new Map<string, string>();
  for (const group of ['packages', 'apps']) {
    for (const entry of readdirSync(join(root, group), { withFileTypes: true })) {
      const file = join(root, group, entry.name, 'package.json');
      if (!entry.isDirectory() || !existsSync(file)) continue;
      const manifest = JSON.parse(readFileSync(file, 'utf8')) as {
        name: string;
        private?: boolean;
      };
      if (manifest.private !== true) found.set(manifest.name, `${group}/${entry.name}`);
    }
  }
  return found;
}
