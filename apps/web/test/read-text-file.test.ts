import { describe, expect, it } from 'vitest';
import { FileTooLargeError, formatBytes, readTextFile } from '../src/read-text-file.js';

describe('readTextFile', () => {
  it('reads a file within the limit', async () => {
    expect(await readTextFile(new Blob(['0,1\n']), 4, 'CSV files')).toBe('0,1\n');
  });

  it('refuses a file over the limit with its size and the limit', async () => {
    const file = new Blob([new Uint8Array(3 * 1024 * 1024 + 5)]);
    const read = readTextFile(file, 1024 * 1024, 'CSV files');
    await expect(read).rejects.toBeInstanceOf(FileTooLargeError);
    await expect(read).rejects.toThrow(
      'the file is 3.0 MiB (3145733 bytes); the page reads CSV files of at most 1.0 MiB (1048576 bytes)',
    );
  });

  it('says small sizes in bytes', () => {
    expect(formatBytes(1023)).toBe('1023 bytes');
  });
});
