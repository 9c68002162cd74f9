/** All randomness in @nn goes through an Rng, so every backend starts from the same numbers. */
export interface Rng {
  /** A double in [0, 1). */
  random(): number;
  /** A standard normal draw, N(0, 1). */
  normal(): number;
  /** Shuffles `values` in place. */
  shuffle(values: Int32Array): void;
}

/** Fills `out` with scale · N(0, 1) draws, in order (row-major for a matrix). */
export function fillNormal(rng: Rng, out: Float64Array, scale: number): Float64Array {
  for (let i = 0; i < out.length; i++) out[i] = scale * rng.normal();
  return out;
}
