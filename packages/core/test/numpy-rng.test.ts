import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fillNormal, isNNError, NumpyRng } from '../src/index.js';

// Fixtures made by `bash tools/fixtures/make-fixtures.sh` from the book's NumPy code.
const fixtureDir = new URL('./fixtures/', import.meta.url);
// The regression script's fixtures; the chapters' draws are checked by their replays at 1e-9.
const fixtures = readdirSync(fixtureDir).filter((f) => f.startsWith('numpy-'));

interface Fixture {
  args: { seed: number; n_mid: number; wb_width: number };
  initial: { middle_w: number[][]; middle_b: number[]; output_w: number[][]; output_b: number[] };
  orders: number[][];
}

describe('NumpyRng draws what np.random draws after np.random.seed(S)', () => {
  it.each(fixtures)('%s: initial weights bit for bit, then the first two shuffles', (file) => {
    const { args, initial, orders } = JSON.parse(
      readFileSync(new URL(file, fixtureDir), 'utf8'),
    ) as Fixture;
    const rng = new NumpyRng(args.seed);
    const draw = (n: number) => Array.from(fillNormal(rng, new Float64Array(n), args.wb_width));
    // The script's order: hidden w (1 × n_mid), hidden b, output w (n_mid × 1), output b.
    expect(draw(args.n_mid)).toEqual(initial.middle_w.flat());
    expect(draw(args.n_mid)).toEqual(initial.middle_b);
    expect(draw(args.n_mid)).toEqual(initial.output_w.flat());
    expect(draw(1)).toEqual(initial.output_b);
    for (const expected of orders) {
      const order = Int32Array.from({ length: expected.length }, (_, i) => i);
      rng.shuffle(order);
      expect(Array.from(order)).toEqual(expected);
    }
  });

  it('matches known values of np.random.seed(0); np.random.random()', () => {
    // np.random.seed(0); np.random.random(3) -> 0.5488135039273248, 0.7151893663724195, 0.6027633760716439
    const rng = new NumpyRng(0);
    expect([rng.random(), rng.random(), rng.random()]).toEqual([
      0.5488135039273248, 0.7151893663724195, 0.6027633760716439,
    ]);
  });

  it('refuses seeds np.random.seed refuses', () => {
    for (const seed of [-1, 2 ** 32, 1.5, Number.NaN]) {
      let error: unknown;
      try {
        new NumpyRng(seed);
      } catch (e) {
        error = e;
      }
      expect(isNNError(error, 'NN_INVALID_ARGUMENT'), `seed ${seed}`).toBe(true);
    }
  });
});
