import { NNError } from '../errors.js';
import type { Rng } from './rng.js';

const N = 624;
const M = 397;

/**
 * NumPy's legacy RandomState, to the bit: MT19937 seeded as
 * `np.random.seed(int)`, `randn` by the polar method keeping the second value,
 * and `shuffle` as Fisher-Yates with masked rejection sampling on 32-bit draws.
 * With it, seed S draws what the book's NumPy code draws after np.random.seed(S).
 */
export class NumpyRng implements Rng {
  readonly #mt = new Uint32Array(N);
  #index = N;
  #gauss: number | undefined;

  constructor(seed: number) {
    if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
      throw new NNError(
        'NN_INVALID_ARGUMENT',
        `numpy rng: seed ${seed} is not valid; np.random.seed takes a whole number from 0 to 4294967295`,
      );
    }
    const mt = this.#mt;
    mt[0] = seed;
    for (let i = 1; i < N; i++) {
      const prev = mt[i - 1] as number;
      mt[i] = Math.imul(1812433253, prev ^ (prev >>> 30)) + i;
    }
  }

  nextUint32(): number {
    if (this.#index >= N) this.#twist();
    let y = this.#mt[this.#index++] as number;
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  /** random_double: 53 bits from two draws, as NumPy builds it. */
  random(): number {
    const a = this.nextUint32() >>> 5;
    const b = this.nextUint32() >>> 6;
    return (a * 67108864 + b) / 9007199254740992;
  }

  /** legacy_gauss: one polar-method pair per two calls, the second value kept. */
  normal(): number {
    const kept = this.#gauss;
    if (kept !== undefined) {
      this.#gauss = undefined;
      return kept;
    }
    let x1: number;
    let x2: number;
    let r2: number;
    do {
      x1 = 2 * this.random() - 1;
      x2 = 2 * this.random() - 1;
      r2 = x1 * x1 + x2 * x2;
    } while (r2 >= 1 || r2 === 0);
    const f = Math.sqrt((-2 * Math.log(r2)) / r2);
    this.#gauss = f * x1;
    return f * x2;
  }

  /** RandomState.shuffle on a 1-d array: i from n−1 down to 1, j = random_interval(i). */
  shuffle(values: Int32Array): void {
    for (let i = values.length - 1; i > 0; i--) {
      const j = this.#interval(i);
      const tmp = values[i] as number;
      values[i] = values[j] as number;
      values[j] = tmp;
    }
  }

  /** random_interval(max): draw 32 bits, mask to max's bit length, reject values above max. */
  #interval(max: number): number {
    let mask = max;
    mask |= mask >>> 1;
    mask |= mask >>> 2;
    mask |= mask >>> 4;
    mask |= mask >>> 8;
    mask |= mask >>> 16;
    mask >>>= 0;
    let value: number;
    do {
      value = (this.nextUint32() & mask) >>> 0;
    } while (value > max);
    return value;
  }

  #twist(): void {
    const mt = this.#mt;
    for (let i = 0; i < N; i++) {
      const y = ((mt[i] as number) & 0x80000000) | ((mt[(i + 1) % N] as number) & 0x7fffffff);
      let next = (mt[(i + M) % N] as number) ^ (y >>> 1);
      if (y & 1) next ^= 0x9908b0df;
      mt[i] = next;
    }
    this.#index = 0;
  }
}
