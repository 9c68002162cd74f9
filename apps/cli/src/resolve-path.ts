import type { Stats } from 'node:fs';
import { readlink, realpath, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';

/** Linux's own limit on symlinks followed in one path. */
const MAX_LINKS = 40;

export interface ResolvedPath {
  /** The path with every symlink followed: the existing file, or where a new one would be created. */
  real: string;
  /** The existing file's (following links), or undefined when there is none yet. */
  stats: Stats | undefined;
}

/** Follows `path`'s symlinks, dangling ones included (a write creates their target, as cp does). */
export async function resolvePath(path: string): Promise<ResolvedPath> {
  const stats = await stat(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (stats !== undefined) {
    // A device or FIFO may sit behind a /proc link with no path to resolve (/dev/stdout on a pipe).
    if (!stats.isFile() && !stats.isDirectory()) return { real: resolve(path), stats };
    return { real: await realpath(path), stats };
  }
  let target = resolve(path);
  for (let links = 0; ; links++) {
    const link = await readlink(target).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'EINVAL' || error.code === 'ENOENT') return undefined;
      throw error;
    });
    if (link === undefined) break;
    if (links === MAX_LINKS) {
      throw Object.assign(new Error(`more than ${MAX_LINKS} symbolic links`), { code: 'ELOOP' });
    }
    target = resolve(dirname(target), link);
  }
  return { real: join(await realpath(dirname(target)), basename(target)), stats: undefined };
}

/** Equal for two paths that name the same file: the same inode, or the same place for a file yet to be created. */
export async function fileKey(path: string): Promise<string> {
  try {
    const { real, stats } = await resolvePath(path);
    return stats === undefined ? `new ${real}` : `inode ${stats.dev}:${stats.ino}`;
  } catch {
    // Unreachable paths fail with their own message when read or written.
    return `path ${resolve(path)}`;
  }
}
