import { randomBytes } from 'node:crypto';
import { open, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { CliError } from './cli-error.js';

function temporaryPath(path: string): string {
  return join(
    dirname(path),
    `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
  );
}

/**
 * Fails unless `path` can be written: by creating (and removing) a file beside
 * it, which also catches read-only file systems and missing folders. Run
 * before training so a long run never ends on an unwritable path.
 */
export async function checkWritable(path: string, flag: string): Promise<void> {
  const existing = await stat(path).catch(() => undefined);
  if (existing?.isDirectory()) throw new CliError(`${flag} ${path}: is a folder; name a file`);
  const probe = temporaryPath(path);
  try {
    await (await open(probe, 'wx')).close();
    await unlink(probe);
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT'
        ? 'its folder does not exist'
        : (error as Error).message;
    throw new CliError(`${flag} ${path}: cannot write there (${reason})`);
  }
}

/** Writes to a temporary file in the same folder, then renames it: readers never see half a file. */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const temporary = temporaryPath(path);
  try {
    await writeFile(temporary, data, { flag: 'wx' });
    await rename(temporary, path);
  } catch (error) {
    await unlink(temporary).catch(() => {});
    throw new CliError(`cannot write ${path}: ${(error as Error).message}`);
  }
}
