import { mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepareOutput, writeOutput } from '../src/output-file.js';
import { fileKey } from '../src/resolve-path.js';
import { tempDir } from './run-nn.js';

describe('writeOutput', () => {
  it('replaces the file whole and leaves no temporary file beside it', async () => {
    const dir = tempDir();
    const path = join(dir, 'model.json');
    writeFileSync(path, 'old');
    await writeOutput(await prepareOutput('--save', path), 'new contents');
    expect(readFileSync(path, 'utf8')).toBe('new contents');
    expect(readdirSync(dir)).toEqual(['model.json']);
  });

  it('fails with the path when the folder went away after the check, writing nothing', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'gone'));
    const target = await prepareOutput('--gif', join(dir, 'gone', 'a.gif'));
    rmSync(join(dir, 'gone'), { recursive: true });
    await expect(writeOutput(target, new Uint8Array(3))).rejects.toThrow(/cannot write .*a\.gif/);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('prepareOutput', () => {
  it('accepts a new file in an existing folder and leaves the folder as it was', async () => {
    const dir = tempDir();
    const target = await prepareOutput('--png', join(dir, 'out.png'));
    expect(target).toMatchObject({ real: join(dir, 'out.png'), inPlace: false, keep: undefined });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('rejects a folder and a missing folder, naming the flag', async () => {
    const dir = tempDir();
    await expect(prepareOutput('--save', dir)).rejects.toThrow(
      /^--save .*: is a folder; name a file$/,
    );
    await expect(prepareOutput('--gif', join(dir, 'x', 'y.gif'))).rejects.toThrow(
      /its folder does not exist/,
    );
  });

  it('refuses a symlink loop', async () => {
    const dir = tempDir();
    symlinkSync('b', join(dir, 'a'));
    symlinkSync('a', join(dir, 'b'));
    await expect(prepareOutput('--save', join(dir, 'a'))).rejects.toThrow(
      /cannot write there \(too many symbolic links\)$/,
    );
  });
});

describe('fileKey', () => {
  it('is the same for two names of one file, existing or yet to be created', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'data.csv'), '1,2\n');
    symlinkSync('data.csv', join(dir, 'alias.csv'));
    symlinkSync('later.json', join(dir, 'dangling.json'));
    expect(await fileKey(join(dir, 'alias.csv'))).toBe(await fileKey(join(dir, 'data.csv')));
    expect(await fileKey(join(dir, 'dangling.json'))).toBe(await fileKey(join(dir, 'later.json')));
    expect(await fileKey(join(dir, 'later.json'))).not.toBe(await fileKey(join(dir, 'data.csv')));
  });
});
