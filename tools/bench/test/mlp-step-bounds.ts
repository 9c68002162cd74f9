import { kernelTolerance } from '@nn/conformance';
import { type HandWrittenMlp, MLP, type MlpWorkload } from '../src/index.js';

type Floats = Float32Array | Float64Array;

export interface StepBounds {
  w1: Float64Array;
  b1: Float64Array;
  w2: Float64Array;
  b2: Float64Array;
  loss: number;
}

/** kernelTolerance's float32 bound for a sum of `terms` products, entry by entry. */
function tolerance(terms: number, magnitude: Floats): Float64Array {
  return magnitude.map((m) => kernelTolerance('float32', terms, m)) as Float64Array;
}

const abs = (a: Floats): Float64Array => Float64Array.from(a, Math.abs);
const add = (...arrays: Floats[]): Float64Array =>
  (arrays[0] as Floats).map((_, i) =>
    arrays.reduce((s, a) => s + (a[i] as number), 0),
  ) as Float64Array;

/** a · b for m × k and k × n operands, either read transposed (aᵀ is k × m, bᵀ is n × k stored). */
function product(
  a: Floats,
  b: Floats,
  m: number,
  k: number,
  n: number,
  transpose: { a?: boolean; b?: boolean } = {},
): Float64Array {
  const c = new Float64Array(m * n);
  for (let i = 0; i < m; i++) {
    for (let p = 0; p < k; p++) {
      const aip = (transpose.a ? a[p * m + i] : a[i * k + p]) as number;
      for (let j = 0; j < n; j++) {
        c[i * n + j] =
          (c[i * n + j] as number) + aip * ((transpose.b ? b[j * k + p] : b[p * n + j]) as number);
      }
    }
  }
  return c;
}

/** Column sums of a rows × cols matrix. */
function columnSums(a: Floats, rows: number, cols: number): Float64Array {
  return product(new Float64Array(rows).fill(1), a, 1, rows, cols);
}

/**
 * How far a float32 SGD step of the MLP may land from the float64 one,
 * entry by entry: a running error bound through the step. Each sum gets
 * kernelTolerance's float32 bound on its absolute terms; each stage adds the
 * error carried in from its inputs times their largest effect (sigmoid's
 * slope ≤ ¼; d/dh h(1 − h) = 1 − 2h, at most 1 in size). `reference` is the
 * float64 hand-written MLP after its one step from `workload`.
 */
export function stepErrorBounds(workload: MlpWorkload, reference: HandWrittenMlp): StepBounds {
  const { inputs, hidden, outputs, batch, eta } = MLP;
  const x = abs(workload.x);
  const w1 = abs(workload.w1);
  const w2 = abs(workload.w2);
  const { h, dh, delta1, delta2 } = reference;
  const ones = new Float64Array(batch).fill(1);
  const rows = (bias: Floats) => product(ones, abs(bias), batch, 1, bias.length);
  // Forward: u1 = x · W1 + b1, h = σ(u1) (exp, add, divide round), y = h · W2 + b2.
  const errU1 = tolerance(
    inputs + 1,
    add(product(x, w1, batch, inputs, hidden), rows(workload.b1)),
  );
  const errH = add(errU1.map((e) => e / 4) as Float64Array, tolerance(3, h));
  const errY = add(
    tolerance(hidden + 1, add(product(abs(h), w2, batch, hidden, outputs), rows(workload.b2))),
    product(errH, w2, batch, hidden, outputs),
  );
  // δ2 = y − t, with y = δ2 + t in the float64 run.
  const t = abs(workload.t);
  const y = abs(delta2.map((d, i) => d + (workload.t[i] as number)) as Float64Array);
  const errDelta2 = add(errY, tolerance(1, add(y, t)));
  // grad_W2 = hᵀ · δ2, grad_b2 = Σ δ2, dh = δ2 · W2ᵀ.
  const d2 = abs(delta2);
  const onA = { a: true };
  const errGw2 = add(
    tolerance(batch, product(h, d2, hidden, batch, outputs, onA)),
    product(errH, d2, hidden, batch, outputs, onA),
    product(h, errDelta2, hidden, batch, outputs, onA),
  );
  const errGb2 = add(
    tolerance(batch, columnSums(d2, batch, outputs)),
    columnSums(errDelta2, batch, outputs),
  );
  const errDh = add(
    tolerance(outputs, product(d2, w2, batch, outputs, hidden, { b: true })),
    product(errDelta2, w2, batch, outputs, hidden, { b: true }),
  );
  // δ1 = dh · h(1 − h).
  const errDelta1 = add(
    errDh.map((e, i) => e * (h[i] as number) * (1 - (h[i] as number))) as Float64Array,
    errH.map((e, i) => e * Math.abs(dh[i] as number)) as Float64Array,
    tolerance(3, abs(delta1)),
  );
  // grad_W1 = xᵀ · δ1, grad_b1 = Σ δ1.
  const d1 = abs(delta1);
  const errGw1 = add(
    tolerance(batch, product(x, d1, inputs, batch, hidden, onA)),
    product(x, errDelta1, inputs, batch, hidden, onA),
  );
  const errGb1 = add(
    tolerance(batch, columnSums(d1, batch, hidden)),
    columnSums(errDelta1, batch, hidden),
  );
  // p' = p − eta · grad rounds once more, on |p| + |eta · grad|.
  const updated = (before: Floats, after: Floats, errGrad: Float64Array) =>
    add(
      errGrad.map((e) => eta * e) as Float64Array,
      tolerance(2, add(abs(before), abs(after.map((v, i) => v - (before[i] as number)) as Floats))),
    );
  const loss = d2.reduce((s, d) => s + 0.5 * d * d, 0);
  return {
    w1: updated(workload.w1, reference.w1, errGw1),
    b1: updated(workload.b1, reference.b1, errGb1),
    w2: updated(workload.w2, reference.w2, errGw2),
    b2: updated(workload.b2, reference.b2, errGb2),
    loss:
      d2.reduce((s, d, i) => s + d * (errDelta2[i] as number), 0) +
      kernelTolerance('float32', batch * outputs, loss),
  };
}

/** The largest |actual − expected| ÷ bound over the entries: at most 1 when every entry is within its bound. */
export function worstRatio(
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
  bound: ArrayLike<number>,
): number {
  let worst = 0;
  for (let i = 0; i < expected.length; i++) {
    worst = Math.max(
      worst,
      Math.abs((actual[i] as number) - (expected[i] as number)) / (bound[i] as number),
    );
  }
  return worst;
}
