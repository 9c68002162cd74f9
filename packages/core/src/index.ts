export {
  Backend,
  type BackendCapabilities,
  type BackendDriver,
  type MemoryInfo,
} from './backend.js';
export { ErrorCode, isNNError, NNError } from './errors.js';
export { type Dataset, type EpochReport, type FitOptions, type FitResult, fit } from './fit.js';
export {
  ACTIVATIONS,
  type Activation,
  BINARY_OPS,
  type BinaryOp,
  KernelName,
  type KernelTable,
  LOSSES,
  type LossKind,
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
export { requireInteger, requireOneOf, requirePositive } from './validate.js';
