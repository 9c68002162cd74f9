// The thread pool's side in wasm: workers (each an instance of this module on the same shared memory)
// wait in workerLoop for a product. The calling thread cuts C into one part per thread along its longer
// side (rows or columns, whole register tiles), does the first part itself and spins until the others
// are done (a browser's main thread may not block on a wait).
import { MR, matMulBlock, scratchBytes } from './mat-mul';

/** Words of the control block: a generation counter workers wait on, then the job. */
const GENERATION = 0;
/** Workers still in the current job. */
const PENDING = 1;
const KIND = 2;
const A = 3;
const B = 4;
const C = 5;
const M = 6;
const N = 7;
const K = 8;
const TA = 9;
const TB = 10;
/** 1 when parts are columns of C, 0 when rows. */
const BY_COLUMNS = 11;
const PARTS = 12;
const CHUNK = 13;
const SCRATCH = 14;
export const CONTROL_WORDS = 16;

const JOB_F32 = 1;
const JOB_F64 = 2;

/** Below this many multiply-adds a product stays on the calling thread: waking the others costs more. */
const PARALLEL_MIN: i64 = 1 << 18;
/** Columns of a part are a multiple of this: whole register tiles in both precisions. */
const COLUMN_STEP = 8;
/** Polls of the generation before a worker sleeps, so back-to-back products skip the wake-up. */
const SPINS = 1 << 16;

let control: usize = 0;
let threads: i32 = 1;
/** This instance's scratch (the calling thread's); workers' follow it, scratchBytes() apart. */
let scratchBase: usize = 0;

function word(i: i32): usize {
  return control + ((<usize>i) << 2);
}

/** Set once by the calling thread's instance; `count` 1 means no pool. */
export function setPool(ctrl: usize, count: i32, scratch: usize): void {
  control = ctrl;
  threads = count;
  scratchBase = scratch;
}

export function matMul<T>(
  a: usize,
  b: usize,
  c: usize,
  m: i32,
  n: i32,
  k: i32,
  ta: bool,
  tb: bool,
): void {
  const byColumns = n > m;
  const step = byColumns ? COLUMN_STEP : MR;
  const length = byColumns ? n : m;
  if (threads === 1 || length < 2 * step || <i64>m * <i64>n * <i64>k < PARALLEL_MIN) {
    matMulBlock<T>(a, b, c, m, n, k, ta, tb, 0, m, 0, n, scratchBase);
    return;
  }
  const parts = min(threads, length / step);
  const chunk = (((length + parts - 1) / parts + step - 1) / step) * step;
  store<i32>(word(KIND), sizeof<T>() === 8 ? JOB_F64 : JOB_F32);
  store<u32>(word(A), <u32>a);
  store<u32>(word(B), <u32>b);
  store<u32>(word(C), <u32>c);
  store<i32>(word(M), m);
  store<i32>(word(N), n);
  store<i32>(word(K), k);
  store<i32>(word(TA), ta ? 1 : 0);
  store<i32>(word(TB), tb ? 1 : 0);
  store<i32>(word(BY_COLUMNS), byColumns ? 1 : 0);
  store<i32>(word(PARTS), parts);
  store<i32>(word(CHUNK), chunk);
  store<u32>(word(SCRATCH), <u32>scratchBase);
  atomic.store<i32>(word(PENDING), threads - 1);
  atomic.add<i32>(word(GENERATION), 1);
  atomic.notify(word(GENERATION), threads - 1);
  part<T>(0);
  while (atomic.load<i32>(word(PENDING)) !== 0) {}
}

/** Part `id` of the current job, if the job has that many parts. */
function part<T>(id: i32): void {
  if (id >= load<i32>(word(PARTS))) return;
  const a = <usize>load<u32>(word(A));
  const b = <usize>load<u32>(word(B));
  const c = <usize>load<u32>(word(C));
  const m = load<i32>(word(M));
  const n = load<i32>(word(N));
  const k = load<i32>(word(K));
  const ta = load<i32>(word(TA)) !== 0;
  const tb = load<i32>(word(TB)) !== 0;
  const chunk = load<i32>(word(CHUNK));
  const scratch = <usize>load<u32>(word(SCRATCH)) + <usize>id * <usize>scratchBytes();
  const start = id * chunk;
  if (load<i32>(word(BY_COLUMNS)) !== 0) {
    matMulBlock<T>(a, b, c, m, n, k, ta, tb, 0, m, start, min(n, start + chunk), scratch);
  } else {
    matMulBlock<T>(a, b, c, m, n, k, ta, tb, start, min(m, start + chunk), 0, n, scratch);
  }
}

/** A worker's life, as long as the program's: wait for a new generation, do its part, count itself out. */
export function workerLoop(ctrl: usize, id: i32, seen: i32): void {
  control = ctrl;
  while (true) {
    let spins = 0;
    while (atomic.load<i32>(word(GENERATION)) === seen) {
      if (++spins > SPINS) {
        atomic.wait<i32>(word(GENERATION), seen, -1);
        spins = 0;
      }
    }
    seen = atomic.load<i32>(word(GENERATION));
    if (load<i32>(word(KIND)) === JOB_F64) part<f64>(id);
    else part<f32>(id);
    atomic.sub<i32>(word(PENDING), 1);
  }
}
