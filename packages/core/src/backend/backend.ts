import { denseBackwardFromKernels, denseForwardFromKernels } from '../dense-math.js';
import { NNError } from '../errors.js';
import type {
  Activation,
  AllKernels,
  BinaryOp,
  KernelName,
  LossKind,
  UnaryOp,
} from '../kernels.js';
import { formatShape, type HostArray, type Precision, type Shape, Tensor } from '../tensor.js';
import type { PlanRunner, TrainingPlan } from '../training/training-plan.js';
import type { BackendCapabilities, BackendDriver, MemoryInfo } from './backend-driver.js';
import { KERNEL_SIGNATURES } from './kernel-signatures.js';
import { checkShape, checkTensor, expectShape } from './tensor-checks.js';

const BYTES_PER_ELEMENT: Record<Precision, number> = { float32: 4, float64: 8 };

/** Each kernel's tensor arguments as [name, position] pairs, listed once rather than on every call. */
const TENSOR_ARGS = Object.fromEntries(
  Object.entries(KERNEL_SIGNATURES).map(([name, signature]) => [
    name,
    Object.entries(signature.tensors),
  ]),
) as unknown as Record<KernelName, readonly (readonly [string, number])[]>;

/**
 * A driver made safe to call: tensor handles, memory accounting, and every
 * kernel call checked against its signature (owner, liveness, shapes). The
 * hot loop of training does not come through here when the backend runs
 * plans: those are checked once, when the plan is built.
 */
export class Backend<S = unknown> {
  readonly name: string;
  readonly capabilities: BackendCapabilities;
  readonly #driver: BackendDriver<S>;
  /** A copy of the kernel table, so a driver changing its own later has no effect. */
  readonly #kernels: Partial<AllKernels<S>>;
  #liveTensors = 0;
  #liveElements = 0;

  constructor(driver: BackendDriver<S>) {
    this.#driver = driver;
    this.#kernels = { ...driver.kernels };
    this.name = driver.name;
    this.capabilities = driver.capabilities;
  }

  get precision(): Precision {
    return this.capabilities.precision;
  }

  /** Whether the driver compiles training plans (it may still decline a plan it cannot run). */
  get runsPlans(): boolean {
    return this.#driver.compilePlan !== undefined;
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
    const storage = this.#driver.allocate(size);
    if (data !== undefined) this.#driver.upload(storage, data);
    this.#liveTensors++;
    this.#liveElements += size;
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
    this.#driver.upload(t.storage, data);
  }

  read(t: Tensor<S>): Promise<HostArray> {
    checkTensor(this, 'read', 't', t);
    return this.#driver.download(t.storage, t.size);
  }

  readSync(t: Tensor<S>): HostArray {
    checkTensor(this, 'readSync', 't', t);
    const download = this.#driver.downloadSync;
    if (!this.capabilities.syncRead || download === undefined) {
      throw new NNError(
        'NN_KERNEL_MISSING',
        `backend '${this.name}' cannot read synchronously; use 'await backend.read(t)'`,
      );
    }
    return download.call(this.#driver, t.storage, t.size);
  }

  /** Resolves once every kernel called so far has run (at once, unless the backend queues them). */
  flush(): Promise<void> {
    return this.#driver.flush?.() ?? Promise.resolve();
  }

  /** Frees t's storage; disposing twice is harmless. */
  dispose(t: Tensor<S>): void {
    if (t.disposed) return;
    checkTensor(this, 'dispose', 't', t);
    t.disposed = true;
    this.#liveTensors--;
    this.#liveElements -= t.size;
    this.#driver.release(t.storage);
  }

  /** Releases the backend itself; its tensors must not be used afterwards. */
  destroy(): void {
    this.#driver.destroy?.();
  }

  memory(): MemoryInfo {
    return {
      tensors: this.#liveTensors,
      bytes: this.#liveElements * BYTES_PER_ELEMENT[this.precision],
    };
  }

  /** The driver's count of numbers in t's storage (`storageSize`), or undefined without the hook. */
  storageSize(t: Tensor<S>): number | undefined {
    checkTensor(this, 'storageSize', 't', t);
    return this.#driver.storageSize?.(t.storage);
  }

  /** The driver's count of unreleased allocations (`liveAllocations`), or undefined without the hook. */
  liveAllocations(): number | undefined {
    return this.#driver.liveAllocations?.();
  }

  hasKernel(name: KernelName): boolean {
    return this.#kernels[name] !== undefined;
  }

  /**
   * The driver's runner for a plan that core has built and checked
   * (see TrainingSession), or undefined where the driver runs no plans or
   * declines this one.
   */
  compilePlan(plan: TrainingPlan<S>): PlanRunner | undefined {
    return this.#driver.compilePlan?.(plan);
  }

  matMul(a: Tensor<S>, b: Tensor<S>, out: Tensor<S>, transposeA = false, transposeB = false): void {
    this.#call('matMul', [a, b, out, transposeA, transposeB]);
  }

  biasAdd(x: Tensor<S>, bias: Tensor<S>, out: Tensor<S>): void {
    this.#call('biasAdd', [x, bias, out]);
  }

  columnSum(x: Tensor<S>, out: Tensor<S>): void {
    this.#call('columnSum', [x, out]);
  }

  unary(op: UnaryOp, x: Tensor<S>, out: Tensor<S>): void {
    this.#call('unary', [op, x, out]);
  }

  binary(op: BinaryOp, a: Tensor<S>, b: Tensor<S>, out: Tensor<S>): void {
    this.#call('binary', [op, a, b, out]);
  }

  activationForward(kind: Activation, x: Tensor<S>, out: Tensor<S>): void {
    this.#call('activationForward', [kind, x, out]);
  }

  activationBackward(kind: Activation, y: Tensor<S>, dy: Tensor<S>, out: Tensor<S>): void {
    this.#call('activationBackward', [kind, y, dy, out]);
  }

  lossValue(kind: LossKind, y: Tensor<S>, t: Tensor<S>, out: Tensor<S>, accumulate = false): void {
    this.#call('lossValue', [kind, y, t, out, accumulate]);
  }

  lossGradient(kind: LossKind, y: Tensor<S>, t: Tensor<S>, out: Tensor<S>): void {
    this.#call('lossGradient', [kind, y, t, out]);
  }

  sgdUpdate(param: Tensor<S>, grad: Tensor<S>, eta: number): void {
    this.#call('sgdUpdate', [param, grad, eta]);
  }

  momentumUpdate(
    param: Tensor<S>,
    grad: Tensor<S>,
    velocity: Tensor<S>,
    eta: number,
    alpha: number,
  ): void {
    this.#call('momentumUpdate', [param, grad, velocity, eta, alpha]);
  }

  adagradUpdate(param: Tensor<S>, grad: Tensor<S>, h: Tensor<S>, eta: number): void {
    this.#call('adagradUpdate', [param, grad, h, eta]);
  }

  rmspropUpdate(param: Tensor<S>, grad: Tensor<S>, h: Tensor<S>, eta: number, rho: number): void {
    this.#call('rmspropUpdate', [param, grad, h, eta, rho]);
  }

  adamUpdate(
    param: Tensor<S>,
    grad: Tensor<S>,
    m: Tensor<S>,
    v: Tensor<S>,
    eta: number,
    beta1: number,
    beta2: number,
    correction1: number,
    correction2: number,
  ): void {
    this.#call('adamUpdate', [param, grad, m, v, eta, beta1, beta2, correction1, correction2]);
  }

  gatherRows(src: Tensor<S>, indices: Tensor<S>, offset: number, out: Tensor<S>): void {
    this.#call('gatherRows', [src, indices, offset, out]);
  }

  fill(out: Tensor<S>, value: number): void {
    this.#call('fill', [out, value]);
  }

  /** out = activation(x · w + b): the backend's fused kernel where it has one, else composed. */
  denseForward(
    x: Tensor<S>,
    w: Tensor<S>,
    b: Tensor<S>,
    activation: Activation,
    out: Tensor<S>,
  ): void {
    if (this.#kernels.denseForward === undefined) {
      denseForwardFromKernels(this, x, w, b, activation, out);
      return;
    }
    this.#call('denseForward', [x, w, b, activation, out]);
  }

  /** The backward pass of a dense layer (see OptionalKernels.denseBackward), fused or composed. */
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
    if (this.#kernels.denseBackward === undefined) {
      denseBackwardFromKernels(this, x, w, y, dy, activation, delta, gradW, gradB, dx);
      return;
    }
    this.#call('denseBackward', [x, w, y, dy, activation, delta, gradW, gradB, dx]);
  }

  /** Checks a call against the kernel's signature, then runs the driver's kernel. */
  #call<K extends KernelName>(name: K, args: Parameters<AllKernels<S>[K]>): void {
    const kernel = this.#kernels[name] as ((...a: typeof args) => void) | undefined;
    if (kernel === undefined) {
      throw new NNError(
        'NN_KERNEL_MISSING',
        `backend '${this.name}' does not implement kernel '${name}'; add it to the backend's kernel table or pick another backend`,
      );
    }
    const tensorArgs = TENSOR_ARGS[name];
    for (let i = 0; i < tensorArgs.length; i++) {
      const [arg, index] = tensorArgs[i] as (typeof tensorArgs)[number];
      const t = args[index] as Tensor | undefined;
      // Only denseBackward's dx may be left out; every other tensor argument is required.
      if (t !== undefined) checkTensor(this, name, arg, t);
    }
    const signature = KERNEL_SIGNATURES[name];
    const shapes = signature.shapes as (...a: typeof args) => ReturnType<typeof signature.shapes>;
    for (const [arg, t, rows, cols] of shapes(...args)) expectShape(name, arg, t, rows, cols);
    kernel(...args);
  }
}
