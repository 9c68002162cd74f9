import { NNError } from './errors.js';
import type {
  Activation,
  BinaryOp,
  KernelName,
  KernelTable,
  LossKind,
  UnaryOp,
} from './kernels.js';
import { formatShape, type HostArray, type Precision, type Shape, Tensor } from './tensor.js';

/** What a backend declares about itself; the conformance suite reads it. */
export interface BackendCapabilities {
  precision: Precision;
  /** Whether `readSync` works (true for host memory, false for GPU textures). */
  syncRead: boolean;
  /** The mode that actually runs, e.g. 'float64', 'headlessgl', 'cpu'. */
  mode: string;
  /** Why the backend runs another mode than the one asked for, after a fallback. */
  fallbackReason?: string;
}

/**
 * What a backend author writes: storage hooks plus a kernel table. Wrap it
 * with `new Backend(driver)`, which adds handles, shape checks and memory
 * accounting, so every backend fails the same way on bad input.
 */
export interface BackendDriver<S> {
  readonly name: string;
  readonly capabilities: BackendCapabilities;
  /** New zero-filled storage for `size` numbers. */
  allocate(size: number): S;
  upload(storage: S, data: ArrayLike<number>): void;
  download(storage: S, size: number): Promise<HostArray>;
  downloadSync?(storage: S, size: number): HostArray;
  release(storage: S): void;
  /**
   * For a backend that queues kernel calls and runs them later (WebGPU):
   * resolves once every call so far has run. `download` waits for them too.
   */
  flush?(): Promise<void>;
  /** Frees what the backend holds beyond its tensors (a GPU context, workers). */
  destroy?(): void;
  readonly kernels: Partial<KernelTable<S>>;
}

export interface MemoryInfo {
  tensors: number;
  bytes: number;
}

const BYTES_PER_ELEMENT: Record<Precision, number> = { float32: 4, float64: 8 };

export class Backend<S = unknown> {
  readonly name: string;
  readonly capabilities: BackendCapabilities;
  // TypeScript-private rather than #private: the wrappers run on every kernel
  // call, and V8 inlines plain property access more readily.
  private readonly driver: BackendDriver<S>;
  /** A copy of the kernel table: looked up by constant names on a fixed shape, it stays fast. */
  private readonly kernels: Partial<KernelTable<S>>;
  private liveTensors = 0;
  private liveElements = 0;

  constructor(driver: BackendDriver<S>) {
    this.driver = driver;
    this.kernels = { ...driver.kernels };
    this.name = driver.name;
    this.capabilities = driver.capabilities;
  }

  get precision(): Precision {
    return this.capabilities.precision;
  }

  /** A new tensor of `shape`, zero-filled or holding `data` (row-major). */
  tensor(shape: Shape, data?: ArrayLike<number>): Tensor<S> {
    checkShape(shape);
    const size = shape[0] * shape[1];
    if (data !== undefined && data.length !== size) {
      throw new NNError(
        'NN_SHAPE_MISMATCH',
        `tensor: ${data.length} values do not fill a ${formatShape(shape)} tensor (${size} values); pass exactly rows × cols values`,
      );
    }
    const storage = this.driver.allocate(size);
    if (data !== undefined) this.driver.upload(storage, data);
    this.liveTensors++;
    this.liveElements += size;
    return new Tensor(this, [shape[0], shape[1]], storage);
  }

  /** Overwrites t's values with `data` (row-major). */
  write(t: Tensor<S>, data: ArrayLike<number>): void {
    checkTensor(this, 'write', 't', t);
    if (data.length !== t.size) {
      throw new NNError(
        'NN_SHAPE_MISMATCH',
        `write: ${data.length} values do not fill the ${formatShape(t.shape)} tensor; pass exactly ${t.size} values`,
      );
    }
    this.driver.upload(t.storage, data);
  }

  read(t: Tensor<S>): Promise<HostArray> {
    checkTensor(this, 'read', 't', t);
    return this.driver.download(t.storage, t.size);
  }

  readSync(t: Tensor<S>): HostArray {
    checkTensor(this, 'readSync', 't', t);
    const download = this.driver.downloadSync;
    if (!this.capabilities.syncRead || download === undefined) {
      throw new NNError(
        'NN_KERNEL_MISSING',
        `backend '${this.name}' cannot read synchronously; use 'await backend.read(t)'`,
      );
    }
    return download.call(this.driver, t.storage, t.size);
  }

  /** Resolves once every kernel called so far has run (at once, unless the backend queues them). */
  flush(): Promise<void> {
    return this.driver.flush?.() ?? Promise.resolve();
  }

  /** Frees t's storage; disposing twice is harmless. */
  dispose(t: Tensor<S>): void {
    if (t.disposed) return;
    checkTensor(this, 'dispose', 't', t);
    t.disposed = true;
    this.liveTensors--;
    this.liveElements -= t.size;
    this.driver.release(t.storage);
  }

  /** Releases the backend itself; its tensors must not be used afterwards. */
  destroy(): void {
    this.driver.destroy?.();
  }

  memory(): MemoryInfo {
    return {
      tensors: this.liveTensors,
      bytes: this.liveElements * BYTES_PER_ELEMENT[this.precision],
    };
  }

  hasKernel(name: KernelName): boolean {
    return this.kernels[name] !== undefined;
  }

  matMul(a: Tensor<S>, b: Tensor<S>, out: Tensor<S>, transposeA = false, transposeB = false): void {
    const kernel = this.kernels.matMul ?? this.missing('matMul');
    checkTensor(this, 'matMul', 'a', a);
    checkTensor(this, 'matMul', 'b', b);
    checkTensor(this, 'matMul', 'out', out);
    const m = transposeA ? a.cols : a.rows;
    const k = transposeA ? a.rows : a.cols;
    const k2 = transposeB ? b.cols : b.rows;
    const n = transposeB ? b.rows : b.cols;
    if (k !== k2) {
      throw new NNError(
        'NN_SHAPE_MISMATCH',
        `matMul: op(a) is ${m}×${k} but op(b) is ${k2}×${n}; op(a)'s columns must equal op(b)'s rows`,
      );
    }
    expectShape('matMul', 'out', out, m, n);
    if (out === a || out === b) {
      throw new NNError('NN_INVALID_ARGUMENT', 'matMul: out must be a tensor other than a and b');
    }
    kernel(a, b, out, transposeA, transposeB);
  }

  biasAdd(x: Tensor<S>, bias: Tensor<S>, out: Tensor<S>): void {
    const kernel = this.kernels.biasAdd ?? this.missing('biasAdd');
    checkTensor(this, 'biasAdd', 'x', x);
    checkTensor(this, 'biasAdd', 'bias', bias);
    checkTensor(this, 'biasAdd', 'out', out);
    expectShape('biasAdd', 'bias', bias, 1, x.cols);
    expectShape('biasAdd', 'out', out, x.rows, x.cols);
    kernel(x, bias, out);
  }

  columnSum(x: Tensor<S>, out: Tensor<S>): void {
    const kernel = this.kernels.columnSum ?? this.missing('columnSum');
    checkTensor(this, 'columnSum', 'x', x);
    checkTensor(this, 'columnSum', 'out', out);
    expectShape('columnSum', 'out', out, 1, x.cols);
    kernel(x, out);
  }

  unary(op: UnaryOp, x: Tensor<S>, out: Tensor<S>): void {
    const kernel = this.kernels.unary ?? this.missing('unary');
    checkTensor(this, 'unary', 'x', x);
    checkTensor(this, 'unary', 'out', out);
    expectShape('unary', 'out', out, x.rows, x.cols);
    kernel(op, x, out);
  }

  binary(op: BinaryOp, a: Tensor<S>, b: Tensor<S>, out: Tensor<S>): void {
    const kernel = this.kernels.binary ?? this.missing('binary');
    checkTensor(this, 'binary', 'a', a);
    checkTensor(this, 'binary', 'b', b);
    checkTensor(this, 'binary', 'out', out);
    expectShape('binary', 'b', b, a.rows, a.cols);
    expectShape('binary', 'out', out, a.rows, a.cols);
    kernel(op, a, b, out);
  }

  activationForward(kind: Activation, x: Tensor<S>, out: Tensor<S>): void {
    const kernel = this.kernels.activationForward ?? this.missing('activationForward');
    checkTensor(this, 'activationForward', 'x', x);
    checkTensor(this, 'activationForward', 'out', out);
    expectShape('activationForward', 'out', out, x.rows, x.cols);
    kernel(kind, x, out);
  }

  activationBackward(kind: Activation, y: Tensor<S>, dy: Tensor<S>, out: Tensor<S>): void {
    const kernel = this.kernels.activationBackward ?? this.missing('activationBackward');
    checkTensor(this, 'activationBackward', 'y', y);
    checkTensor(this, 'activationBackward', 'dy', dy);
    checkTensor(this, 'activationBackward', 'out', out);
    expectShape('activationBackward', 'dy', dy, y.rows, y.cols);
    expectShape('activationBackward', 'out', out, y.rows, y.cols);
    kernel(kind, y, dy, out);
  }

  lossValue(kind: LossKind, y: Tensor<S>, t: Tensor<S>, out: Tensor<S>, accumulate = false): void {
    const kernel = this.kernels.lossValue ?? this.missing('lossValue');
    checkTensor(this, 'lossValue', 'y', y);
    checkTensor(this, 'lossValue', 't', t);
    checkTensor(this, 'lossValue', 'out', out);
    expectShape('lossValue', 't', t, y.rows, y.cols);
    expectShape('lossValue', 'out', out, 1, 1);
    kernel(kind, y, t, out, accumulate);
  }

  lossGradient(kind: LossKind, y: Tensor<S>, t: Tensor<S>, out: Tensor<S>): void {
    const kernel = this.kernels.lossGradient ?? this.missing('lossGradient');
    checkTensor(this, 'lossGradient', 'y', y);
    checkTensor(this, 'lossGradient', 't', t);
    checkTensor(this, 'lossGradient', 'out', out);
    expectShape('lossGradient', 't', t, y.rows, y.cols);
    expectShape('lossGradient', 'out', out, y.rows, y.cols);
    kernel(kind, y, t, out);
  }

  sgdUpdate(param: Tensor<S>, grad: Tensor<S>, eta: number): void {
    const kernel = this.kernels.sgdUpdate ?? this.missing('sgdUpdate');
    checkTensor(this, 'sgdUpdate', 'param', param);
    checkTensor(this, 'sgdUpdate', 'grad', grad);
    expectShape('sgdUpdate', 'grad', grad, param.rows, param.cols);
    kernel(param, grad, eta);
  }

  gatherRows(src: Tensor<S>, indices: Tensor<S>, offset: number, out: Tensor<S>): void {
    const kernel = this.kernels.gatherRows ?? this.missing('gatherRows');
    checkTensor(this, 'gatherRows', 'src', src);
    checkTensor(this, 'gatherRows', 'indices', indices);
    checkTensor(this, 'gatherRows', 'out', out);
    if (
      indices.rows !== 1 ||
      !Number.isInteger(offset) ||
      offset < 0 ||
      offset + out.rows > indices.cols
    ) {
      throw new NNError(
        'NN_SHAPE_MISMATCH',
        `gatherRows: rows ${offset}..${offset + out.rows - 1} of the indices are asked for, but indices is ${formatShape(indices.shape)}; pass a 1×n index tensor and an offset within it`,
      );
    }
    expectShape('gatherRows', 'out', out, out.rows, src.cols);
    kernel(src, indices, offset, out);
  }

  fill(out: Tensor<S>, value: number): void {
    const kernel = this.kernels.fill ?? this.missing('fill');
    checkTensor(this, 'fill', 'out', out);
    kernel(out, value);
  }

  /**
   * out = activation(x · w + b): the backend's fused kernel where it has one,
   * otherwise matMul, biasAdd and activationForward in place on out.
   */
  denseForward(
    x: Tensor<S>,
    w: Tensor<S>,
    b: Tensor<S>,
    activation: Activation,
    out: Tensor<S>,
  ): void {
    const fused = this.kernels.denseForward;
    if (fused === undefined) {
      this.matMul(x, w, out);
      this.biasAdd(out, b, out);
      if (activation !== 'identity') this.activationForward(activation, out, out);
      return;
    }
    checkTensor(this, 'denseForward', 'x', x);
    checkTensor(this, 'denseForward', 'w', w);
    checkTensor(this, 'denseForward', 'b', b);
    checkTensor(this, 'denseForward', 'out', out);
    if (x.cols !== w.rows) {
      throw new NNError(
        'NN_SHAPE_MISMATCH',
        `denseForward: x is ${formatShape(x.shape)} but w is ${formatShape(w.shape)}; x's columns must equal w's rows`,
      );
    }
    expectShape('denseForward', 'b', b, 1, w.cols);
    expectShape('denseForward', 'out', out, x.rows, w.cols);
    fused(x, w, b, activation, out);
  }

  /**
   * The backward pass of a dense layer (see KernelTable.denseBackward): the
   * backend's fused kernel where it has one, otherwise activationBackward,
   * two matMuls and a columnSum.
   */
  denseBackward(
    x: Tensor<S>,
    w: Tensor<S>,
    y: Tensor<S>,
    dy: Tensor<S>,
    activation: Activation,
    delta: Tensor<S>,
    gradW: Tensor<S>,
    gradB: Tensor<S>,
    dx: Tensor<S> | undefined,
  ): void {
    const fused = this.kernels.denseBackward;
    if (fused === undefined) {
      let d = dy;
      if (activation !== 'identity') {
        this.activationBackward(activation, y, dy, delta);
        d = delta;
      }
      this.matMul(x, d, gradW, true, false);
      this.columnSum(d, gradB);
      if (dx !== undefined) this.matMul(d, w, dx, false, true);
      return;
    }
    checkTensor(this, 'denseBackward', 'x', x);
    checkTensor(this, 'denseBackward', 'w', w);
    checkTensor(this, 'denseBackward', 'y', y);
    checkTensor(this, 'denseBackward', 'dy', dy);
    checkTensor(this, 'denseBackward', 'delta', delta);
    checkTensor(this, 'denseBackward', 'gradW', gradW);
    checkTensor(this, 'denseBackward', 'gradB', gradB);
    if (dx !== undefined) checkTensor(this, 'denseBackward', 'dx', dx);
    const rows = x.rows;
    const inputs = w.rows;
    const units = w.cols;
    expectShape('denseBackward', 'x', x, rows, inputs);
    expectShape('denseBackward', 'y', y, rows, units);
    expectShape('denseBackward', 'dy', dy, rows, units);
    expectShape('denseBackward', 'delta', delta, rows, units);
    expectShape('denseBackward', 'gradW', gradW, inputs, units);
    expectShape('denseBackward', 'gradB', gradB, 1, units);
    if (dx !== undefined) expectShape('denseBackward', 'dx', dx, rows, inputs);
    fused(x, w, y, dy, activation, delta, gradW, gradB, dx);
  }

  private missing(name: KernelName): never {
    throw new NNError(
      'NN_KERNEL_MISSING',
      `backend '${this.name}' does not implement kernel '${name}'; add it to the backend's kernel table or pick another backend`,
    );
  }
}

/** The hot check stays tiny so that it inlines; the message is built only on failure. */
function checkTensor(
  owner: { readonly name: string },
  kernel: string,
  arg: string,
  t: Tensor,
): void {
  if (t.owner !== owner || t.disposed) failTensor(owner, kernel, arg, t);
}

function failTensor(
  owner: { readonly name: string },
  kernel: string,
  arg: string,
  t: Tensor,
): never {
  if (!(t instanceof Tensor) || t.owner !== owner) {
    throw new NNError(
      'NN_FOREIGN_TENSOR',
      `${kernel}: ${arg} does not belong to this '${owner.name}' backend; create tensors with the backend that runs the kernel`,
    );
  }
  throw new NNError(
    'NN_TENSOR_DISPOSED',
    `${kernel}: ${arg} (tensor #${t.id}, ${formatShape(t.shape)}) was disposed; keep tensors alive until their last use`,
  );
}

function checkShape(shape: Shape): void {
  const [rows, cols] = shape;
  if (!Number.isInteger(rows) || !Number.isInteger(cols) || rows < 1 || cols < 1) {
    throw new NNError(
      'NN_SHAPE_MISMATCH',
      `tensor: shape [${rows}, ${cols}] is not valid; rows and cols must be whole numbers ≥ 1`,
    );
  }
}

function expectShape(kernel: string, arg: string, t: Tensor, rows: number, cols: number): void {
  if (t.rows !== rows || t.cols !== cols) failShape(kernel, arg, t, rows, cols);
}

function failShape(kernel: string, arg: string, t: Tensor, rows: number, cols: number): never {
  throw new NNError(
    'NN_SHAPE_MISMATCH',
    `${kernel}: ${arg} is ${formatShape(t.shape)} but must be ${rows}×${cols}`,
  );
}
