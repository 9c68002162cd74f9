import type { AllKernels } from '../kernels.js';
import type { HostArray, Precision } from '../tensor.js';
import type { PlanRunner, TrainingPlan } from '../training/training-plan.js';

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
 * What a backend author writes: storage hooks plus a kernel table, and
 * optionally a plan compiler. Wrap it with `new Backend(driver)`, which adds
 * handles, shape checks and memory accounting, so every backend fails the
 * same way on bad input.
 */
export interface BackendDriver<S> {
  readonly name: string;
  readonly capabilities: BackendCapabilities;
  /** New zero-filled storage for `size` numbers. */
  allocate(size: number): S;
  upload(storage: S, data: ArrayLike<number>): void;
  /** A fresh typed array of exactly `size` values. */
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
  /**
   * Optional, for the conformance suite: how many numbers `storage` holds
   * now. A kernel that writes past its output grows a plain array silently;
   * the suite compares this with the tensor's size after every kernel it tests.
   */
  storageSize?(storage: S): number;
  /**
   * Optional, for the conformance suite: how many allocations the driver
   * holds that `release` has not freed yet (storage, textures, buffers),
   * after any queued release has run. The suite expects the same count
   * after each test as before it.
   */
  liveAllocations?(): number;
  /** Required kernels (see RequiredKernels) and any optional ones; a missing one fails when called. */
  readonly kernels: Partial<AllKernels<S>>;
  /**
   * Optional: prepares a runner that does whole training steps of `plan`
   * (closures over storage, generated code, fused shaders). Core has checked
   * every tensor and shape of the plan; the runner checks nothing. Return
   * undefined for a plan this backend cannot run (an unknown layer, loss or
   * optimizer kind): core then composes each step from kernels.
   */
  compilePlan?(plan: TrainingPlan<S>): PlanRunner | undefined;
}

export interface MemoryInfo {
  tensors: number;
  bytes: number;
}
