import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { access, chmod, chown, constants, open, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { CliError } from './cli-error.js';
import { cleanUpOnExit } from './exit-cleanup.js';
import { type ResolvedPath, resolvePath } from './resolve-path.js';

/** Linux's NAME_MAX: the longest file name, in bytes. */
const NAME_MAX = 255;

/** An output checked before training; writeOutput puts the bytes there. */
export interface OutputTarget {
  flag: string;
  /** As the user wrote it, for messages. */
  path: string;
  /** The file behind any symlinks: replaced, never the link itself. */
  real: string;
  /** Devices and FIFOs are written in place; files are replaced whole. */
  inPlace: boolean;
  /** The existing file's mode and owner, which its replacement keeps. */
  keep: { mode: number; uid: number; gid: number } | undefined;
}

/**
 * Checks, before training, that `path` can take an output as `cp` would
 * allow: not a folder or a name ending in "/", not a block device or socket,
 * not read-only (by its mode bits too, which root's access check ignores),
 * and, for a file, that its folder takes a new file beside it.
 */
export async function prepareOutput(flag: string, path: string): Promise<OutputTarget> {
  const fail = (reason: string) => new CliError(`${flag} ${path}: ${reason}`);
  if (path.endsWith('/')) throw fail('names a folder (it ends with "/"); name a file');
  let resolved: ResolvedPath;
  try {
    resolved = await resolvePath(path);
  } catch (error) {
    throw fail(`cannot write there (${describe(error)})`);
  }
  const { real, stats } = resolved;
  if (stats?.isDirectory()) throw fail('is a folder; name a file');
  if (stats?.isBlockDevice()) throw fail('is a block device; name a file');
  if (stats?.isSocket()) throw fail('is a socket; name a file');
  if (stats !== undefined && !(await writable(path, stats.mode))) {
    const mode = (stats.mode & 0o777).toString(8).padStart(4, '0');
    throw fail(`is read-only (mode ${mode}); make it writable (chmod u+w) or name another file`);
  }
  const inPlace = stats !== undefined && !stats.isFile();
  if (!inPlace) {
    // Creating (and removing) a file beside it also catches read-only file systems.
    const probe = temporaryPath(real);
    const release = cleanUpOnExit(() => rmSync(probe, { force: true }));
    try {
      await (await open(probe, 'wx')).close();
      await rm(probe);
    } catch (error) {
      throw fail(`cannot write there (${describe(error)})`);
    } finally {
      release();
    }
  }
  const keep = stats?.isFile()
    ? { mode: stats.mode & 0o7777, uid: stats.uid, gid: stats.gid }
    : undefined;
  return { flag, path, real, inPlace, keep };
}

/**
 * Writes a file whole or not at all: to a temporary file beside the real
 * target, renamed over it (readers never see half a file; a failure or a
 * signal removes the temporary file). Devices and FIFOs are written in place.
 */
export async function writeOutput(target: OutputTarget, data: string | Uint8Array): Promise<void> {
  if (target.inPlace) {
    try {
      await writeFile(target.path, data);
    } catch (error) {
      throw new CliError(`cannot write ${target.path}: ${(error as Error).message}`);
    }
    return;
  }
  const temporary = temporaryPath(target.real);
  const release = cleanUpOnExit(() => rmSync(temporary, { force: true }));
  try {
    await writeFile(temporary, data, { flag: 'wx' });
    if (target.keep !== undefined) await keepModeAndOwner(temporary, target.keep);
    await rename(temporary, target.real);
  } catch (error) {
    await rm(temporary, { force: true });
    throw new CliError(`cannot write ${target.path}: ${(error as Error).message}`);
  } finally {
    release();
  }
}

async function keepModeAndOwner(
  path: string,
  keep: NonNullable<OutputTarget['keep']>,
): Promise<void> {
  await chmod(path, keep.mode);
  // Only root can give a file away; anyone else's replacement is theirs, as with cp.
  if (process.getuid?.() === 0) await chown(path, keep.uid, keep.gid);
}

/** Writable for this user (access) and by its mode bits for someone (root passes access regardless). */
async function writable(path: string, mode: number): Promise<boolean> {
  if ((mode & 0o222) === 0) return false;
  try {
    await access(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** A hidden name beside `path`, cut so that it stays within NAME_MAX however long the name is. */
function temporaryPath(path: string): string {
  const suffix = `.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const room = NAME_MAX - 1 - Buffer.byteLength(suffix);
  return join(dirname(path), `.${cutToBytes(basename(path), room)}${suffix}`);
}

/** The longest prefix of `text` within `bytes` UTF-8 bytes, never splitting a character. */
function cutToBytes(text: string, bytes: number): string {
  let used = 0;
  let end = 0;
  for (const char of text) {
    used += Buffer.byteLength(char);
    if (used > bytes) break;
    end += char.length;
  }
  return text.slice(0, end);
}

function describe(error: unknown): string {
  switch ((error as NodeJS.ErrnoException).code) {
    case 'ENOENT':
      return 'its folder does not exist';
    case 'ENOTDIR':
      return 'a part of the path is a file, not a folder';
    case 'ELOOP':
      return 'too many symbolic links';
    default:
      return (error as Error).message;
  }
}
