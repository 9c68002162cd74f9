export { Backend } from './backend/backend.js';
export type { BackendCapabilities, BackendDriver, MemoryInfo } from './backend/backend-driver.js';
export { KERNEL_SIGNATURES } from './backend/kernel-signatures.js';
export { denseBackwardFromKernels, denseForwardFromKernels } from './dense-math.js';
export { ERROR_CODES, type ErrorCode, isNNError, NNError } from './errors.js';
export {
  ACTIVATIONS,
  type Activation,
  type AllKernels,
  BINARY_OPS,
  type BinaryOp,
  type KernelName,
  type KernelTable,
  LOSSES,
  type LossKind,
  N,
  type OptionalKernels,
  REQUIRED_KERNELS,
  type RequiredKernels,
  T,
  UNARY_OPS,
  type UnaryOp,
} from './kernels.js';
export { Dense, type DenseOptions } from './layers/dense.js';
export type { Layer, Parameter } from './layers/layer.js';
export { Sequential } from './layers/sequential.js';
export { type Loss, meanSquaredError, sumOfSquares } from './losses/loss.js';
export {
  type DenseLayerJSON,
  fromModelJSON,
  MODEL_FORMAT,
  MODEL_VERSION,
  type ModelJSON,
  parseModel,
  toModelJSON,
  validateModelJSON,
} from './model/model-json.js';
export type { Optimizer } from './optimizers/optimizer.js';
export { Sgd } from './optimizers/sgd.js';
export { DefaultRng } from './rng/default-rng.js';
export { NumpyRng } from './rng/numpy-rng.js';
export { fillNormal, type Rng } from './rng/rng.js';
export { formatShape, type HostArray, type Precision, type Shape, Tensor } from './tensor.js';
export {
  createRegressionNetwork,
  type RegressionNetworkOptions,
  TEXTBOOK,
  textbookData,
} from './textbook.js';
export { type FitOptions, type FitResult, fit } from './training/fit.js';
export {
  batchRows,
  type DensePlan,
  type EpochSetup,
  type LayerPlan,
  type OptimizerPlan,
  type PlanRunner,
  type SgdPlan,
  type TrainingPlan,
} from './training/training-plan.js';
export {
  type Dataset,
  type EpochReport,
  type SessionOptions,
  TRAINING_PATHS,
  type TrainingHooks,
  type TrainingPath,
  TrainingSession,
} from './training/training-session.js';
export { requireInteger, requireOneOf, requirePositive } from './validate.js';
