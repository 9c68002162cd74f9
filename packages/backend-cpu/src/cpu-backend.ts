import { Backend, type BackendDriver, type KernelTable, NNError, type Precision } from '@nn/core';
import { activationBackward } from './kernels/activation-backward.js';
import { activationForward } from './kernels/activation-forward.js';
import { adagradUpdate } from './kernels/adagrad-update.js';
import { adamUpdate } from './kernels/adam-update.js';
import { biasAdd } from './kernels/bias-add.js';
import { binary } from './kernels/binary.js';
import { columnSum } from './kernels/column-sum.js';
import { denseBackward } from './kernels/dense-backward.js';
import { denseForward } from './kernels/dense-forward.js';
import { fill } from './kernels/fill.js';
import { gatherRows } from './kernels/gather-rows.js';
import { lossGradient } from './kernels/loss-gradient.js';
import { lossValue } from './kernels/loss-value.js';
import { matMul } from './kernels/mat-mul.js';
import { momentumUpdate } from './kernels/momentum-update.js';
import { rmspropUpdate } from './kernels/rmsprop-update.js';
import { sgdUpdate } from './kernels/sgd-update.js';
import type { CpuStorage } from './kernels/storage.js';
import { unary } from './kernels/unary.js';
import { codeGenerationAllowed } from './plan/code-generation.js';
import { compileCpuPlan } from './plan/compile-plan.js';

export interface CpuBackendOptions {
  /** float64 (the default, like NumPy) or float32. */
  precision?: Precision;
  /**
   * Whether training plans of small networks may run as JavaScript generated
   * for them with `new Function`, the fastest path (default true). It is used
   * only where the environment allows it (a page's Content-Security-Policy
   * may not); elsewhere, or with false, plans run on loops that need no
   * generated code. See the README's "Training plans".
   */
  generatedCode?: boolean;
}

/** The kernel table, as an explicit list: importing this package registers nothing. */
const kernels: KernelTable<CpuStorage> = {
  matMul,
  biasAdd,
  columnSum,
  unary,
  binary,
  activationForward,
  activationBackward,
  lossValue,
  lossGradient,
  sgdUpdate,
  momentumUpdate,
  adagradUpdate,
  rmspropUpdate,
  adamUpdate,
  gatherRows,
  fill,
  denseForward,
  denseBackward,
};

/** Tensors in Float64Array (default) or Float32Array; every kernel runs on the calling thread. */
export function createCpuBackend(options: CpuBackendOptions = {}): Backend<CpuStorage> {
  const precision = options.precision ?? 'float64';
  if (precision !== 'float64' && precision !== 'float32') {
    throw new NNError(
      'NN_INVALID_ARGUMENT',
      `cpu backend: precision ${JSON.stringify(precision)} is not available; use float64 or float32`,
    );
  }
  const ArrayType = precision === 'float64' ? Float64Array : Float32Array;
  const allocate = (size: number): CpuStorage => new ArrayType(size);
  // Tensors' arrays, for the suite's leak check (the garbage collector frees them; this counts releases).
  let live = 0;
  const driver: BackendDriver<CpuStorage> = {
    name: 'cpu',
    capabilities: { precision, syncRead: true, mode: precision },
    allocate: (size) => {
      live++;
      return allocate(size);
    },
    upload: (storage, data) => storage.set(data),
    download: (storage) => Promise.resolve(storage.slice()),
    downloadSync: (storage) => storage.slice(),
    release: () => {
      live--;
    },
    liveAllocations: () => live,
    kernels,
    compilePlan: (plan) =>
      compileCpuPlan(plan, {
        precision,
        allocate,
        generatedCode: options.generatedCode !== false && codeGenerationAllowed(),
      }),
  };
  return new Backend(driver);
}
