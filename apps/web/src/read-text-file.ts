/** A file over the page's limit for its kind; it was not read. */
export class FileTooLargeError extends RangeError {
  constructor(message: string) {
    super(message);
    this.name = 'FileTooLargeError';
  }
}

/**
 * The text of `file` (UTF-8), refused before it is read when it is over
 * `limit` bytes: a file picked by mistake (a video, a disk image) must not
 * freeze the tab or exhaust its memory.
 */
export async function readTextFile(file: Blob, limit: number, kind: string): Promise<string> {
  if (file.size > limit) {
    throw new FileTooLargeError(
      `the file is ${formatBytes(file.size)}; the page reads ${kind} of at most ${formatBytes(limit)}`,
    );
  }
  return file.text();
}

export function formatBytes(bytes: number): string {
  const mib = 1024 * 1024;
  if (bytes < mib) return `${bytes} bytes`;
  return `${(bytes / mib).toFixed(1)} MiB (${bytes} bytes)`;
}
