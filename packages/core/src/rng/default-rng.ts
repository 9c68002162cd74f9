import type { Rng } from './rng.js';

/**
 * The fast default generator: xoshiro128** seeded through splitmix32, with
 * Marsaglia's polar method for normals and Fisher-Yates with Lemire's
 * unbiased bounded integers for shuffles.
 */
export class DefaultRng implements Rng {
  #s0: number;
  #s1: number;
  #s2: number;
  #s3: number;
  #spareNormal: number | undefined;

  constructor(seed: number) {
    let x = seed >>> 0;
    const next = (): number => {
      x = (x + 0x9e3779b9) | 0;
      let z = x;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.#s0 = next();
    this.#s1 = next();
    this.#s2 = next();
    this.#s3 = next();
  }

  nextUint32(): number {
    const s1 = this.#s1;
    const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
    const t = s1 << 9;
    this.#s2 ^= this.#s0;
    this.#s3 ^= s1;
    this.#s1 ^= this.#s2;
    this.#s0 ^= this.#s3;
    this.#s2 ^= t;
    this.#s3 = rotl(this.#s3, 11);
    return result;
  }

  random(): number {
    const high = this.nextUint32() >>> 5;
    const low = this.nextUint32() >>> 6;
    return (high * 67108864 + low) / 9007199254740992;
  }

  normal(): number {
    const spare = this.#spareNormal;
    if (spare !== undefined) {
      this.#spareNormal = undefined;
      return spare;
    }
    let x: number;
    let y: number;
    let r2: number;
    do {
      x = 2 * this.random() - 1;
      y = 2 * this.random() - 1;
      r2 = x * x + y * y;
    } while (r2 >= 1 || r2 === 0);
    const f = Math.sqrt((-2 * Math.log(r2)) / r2);
    this.#spareNormal = f * x;
    return f * y;
  }

  shuffle(values: Int32Array): void {
    for (let i = values.length - 1; i > 0; i--) {
      const j = this.#below(i + 1);
      const tmp = values[i] as number;
      values[i] = values[j] as number;
      values[j] = tmp;
    }
  }

  /** Unbiased integer in [0, bound), bound ≤ 2^32 (Lemire's multiply-and-reject). */
  #below(bound: number): number {
    const threshold = (2 ** 32 - bound) % bound;
    for (;;) {
      const product = this.nextUint32() * bound;
      if (product % 2 ** 32 >= threshold) return Math.floor(product / 2 ** 32);
    }
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
