import { NNError } from '@nn/core';

/** Blocks start on cache-line (64-byte) boundaries: SIMD loads of packed panels never straddle two lines. */
export const ALIGN = 64;
/** wasm32 addresses 4 GiB at most. */
export const ADDRESS_LIMIT = 2 ** 32;

interface Block {
  start: number;
  bytes: number;
}

/**
 * Blocks of linear memory for tensors and scratch. Freed blocks go to a list
 * sorted by address, merged with free neighbours; a request takes the
 * smallest free block that fits (splitting off the rest) before the top of
 * the heap moves up. `reserve` grows the memory when the top passes its end.
 */
export class Allocator {
  readonly #free: Block[] = [];
  readonly #live = new Map<number, number>();
  #top: number;

  constructor(
    base: number,
    private readonly reserve: (end: number) => void,
  ) {
    this.#top = roundUp(base);
  }

  /** Bytes in live blocks. */
  get liveBytes(): number {
    let total = 0;
    for (const bytes of this.#live.values()) total += bytes;
    return total;
  }

  /** The heap's top: every byte the allocator has handed out so far lies below it. */
  get top(): number {
    return this.#top;
  }

  allocate(requested: number): number {
    const bytes = roundUp(Math.max(requested, 1));
    const fit = this.#bestFit(bytes);
    if (fit >= 0) {
      const block = this.#free[fit] as Block;
      const start = block.start;
      if (block.bytes - bytes >= ALIGN) {
        block.start += bytes;
        block.bytes -= bytes;
        this.#live.set(start, bytes);
      } else {
        this.#free.splice(fit, 1);
        this.#live.set(start, block.bytes);
      }
      return start;
    }
    // A free block at the top grows into the new one.
    const last = this.#free[this.#free.length - 1];
    const start =
      last !== undefined && last.start + last.bytes === this.#top ? last.start : this.#top;
    const end = start + bytes;
    if (end > ADDRESS_LIMIT) {
      throw new NNError(
        'NN_DEVICE_LIMIT',
        `wasm backend: ${requested} bytes do not fit in WebAssembly's 4 GiB memory (${this.liveBytes} bytes in use); use smaller tensors or batches, or the cpu backend`,
      );
    }
    this.reserve(end);
    if (start !== this.#top) this.#free.pop();
    this.#top = end;
    this.#live.set(start, bytes);
    return start;
  }

  free(start: number): void {
    const bytes = this.#live.get(start);
    if (bytes === undefined) throw new Error(`wasm allocator: no live block at ${start}`);
    this.#live.delete(start);
    const free = this.#free;
    let i = this.#indexAfter(start);
    const block: Block = { start, bytes };
    free.splice(i, 0, block);
    const next = free[i + 1];
    if (next !== undefined && start + bytes === next.start) {
      block.bytes += next.bytes;
      free.splice(i + 1, 1);
    }
    const previous = free[i - 1];
    if (previous !== undefined && previous.start + previous.bytes === start) {
      previous.bytes += block.bytes;
      free.splice(i, 1);
      i--;
    }
  }

  /** The first free block starting after `start` (binary search). */
  #indexAfter(start: number): number {
    let low = 0;
    let high = this.#free.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((this.#free[mid] as Block).start < start) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  #bestFit(bytes: number): number {
    let best = -1;
    let bestBytes = Number.POSITIVE_INFINITY;
    for (let i = 0; i < this.#free.length; i++) {
      const size = (this.#free[i] as Block).bytes;
      if (size >= bytes && size < bestBytes) {
        best = i;
        bestBytes = size;
        if (size === bytes) break;
      }
    }
    return best;
  }
}

function roundUp(bytes: number): number {
  return Math.ceil(bytes / ALIGN) * ALIGN;
}
