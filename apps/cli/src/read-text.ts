import { open } from 'node:fs/promises';
import { StringDecoder } from 'node:string_decoder';
import { CliError } from './cli-error.js';

const CHUNK_BYTES = 1 << 20;

/** What is read and what to do when it is too large, for the message. */
export interface TextLimit {
  bytes: number;
  /** e.g. "CSV files" */
  what: string;
  /** e.g. "keep fewer rows" */
  advice: string;
}

/**
 * A file's text in chunks, refusing more than `limit.bytes`: by its size up
 * front for a regular file, and as it streams for anything else (a FIFO,
 * /dev/zero), so an oversized input fails early and never fills the heap.
 */
export async function* readTextChunks(
  path: string,
  limit: TextLimit,
): AsyncGenerator<string, void, undefined> {
  const tooLarge = (size: string) =>
    new CliError(
      `${path}: ${size}; ${limit.what} of up to ${formatBytes(limit.bytes)} can be read: ${limit.advice}`,
    );
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw new CliError(`cannot read ${path}: ${(error as Error).message}`);
  }
  try {
    const stats = await handle.stat();
    if (stats.isFile() && stats.size > limit.bytes)
      throw tooLarge(`it is ${formatBytes(stats.size)}`);
    const decoder = new StringDecoder('utf8');
    const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    let total = 0;
    for (;;) {
      const bytes = await readChunk(handle, buffer, path);
      if (bytes === 0) break;
      total += bytes;
      if (total > limit.bytes) throw tooLarge(`it holds more than ${formatBytes(limit.bytes)}`);
      yield decoder.write(buffer.subarray(0, bytes));
    }
    const rest = decoder.end();
    if (rest !== '') yield rest;
  } finally {
    await handle.close();
  }
}

async function readChunk(
  handle: Awaited<ReturnType<typeof open>>,
  buffer: Buffer,
  path: string,
): Promise<number> {
  try {
    return (await handle.read(buffer, 0, buffer.length, null)).bytesRead;
  } catch (error) {
    throw new CliError(`cannot read ${path}: ${(error as Error).message}`);
  }
}

/** 1536 → "1.5 KiB"; whole numbers without decimals ("256 MiB"). */
export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const text = Number.isInteger(value) ? String(value) : value.toFixed(1);
  return `${text} ${units[unit]}`;
}
