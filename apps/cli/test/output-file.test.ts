import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkWritable, writeFileAtomic } from '../src/output-file.js';
import { tempDir } from './run-nn.js';

describe('writeFileAtomic', () => {
  it('replaces the file whole and leaves no temporary file beside it', async () => {
    const dir = tempDir();
    const path = join(dir, 'model.json');
    writeFileSync(path, 'old');
    await writeFileAtomic(path, 'new contents');
    expect(readFileSync(path, 'utf8')).toBe('new contents');
    expect(readdirSync(dir)).toEqual(['model.json']);
  });

  it('fails with the path when the folder is gone, writing nothing', async () => {
    const dir = tempDir();
    await expect(writeFileAtomic(join(dir, 'gone', 'a.gif'), new Uint8Array(3))).rejects.toThrow(
      /cannot write .*a\.gif/,
    );
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('checkWritable', () => {
  it('accepts a new file in an existing folder and leaves the folder as it was', async () => {
    const dir = tempDir();
    await checkWritable(join(dir, 'out.png'), '--png');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('rejects a folder and a missing folder, naming the flag', async () => {
    const dir = tempDir();
    await expect(checkWritable(dir, '--save')).rejects.toThrow(
      /^--save .*: is a folder; name a file$/,
    );
    await expect(checkWritable(join(dir, 'x', 'y.gif'), '--gif')).rejects.toThrow(
      /its folder does not exist/,
    );
  });
});
