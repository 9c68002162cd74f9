export { Backend } from './backend/backend.js';
export type { BackendCapabilities, BackendDriver, MemoryInfo } from './backend/backend-driver.js';
export { KERNEL_SIGNATURES } from './backend/kernel-signatures.js';
export type {
  BackendDescriptor,
  BackendLoadContext,
  BackendOptionSpec,
  BackendOptionValues,
  BackendProbe,
  MeasuredSpeed,
} from './catalog/backend-descriptor.js';
export {
  type BackendSetting,
  backendSettings,
  settingName,
  withDefaults,
} from './catalog/backend-settings.js';
export { checkDescriptor } from './catalog/check-descriptor.js';
export { type AutoChoice, chooseBackend, type ProbedSetting } from './catalog/choose-backend.js';
export { multiplyAdds, type Workload } from './catalog/workload.js';
export { denseBackwardFromKernels, denseForwardFromKernels } from './dense-math.js';
export { ERROR_CODES, type ErrorCode, isNNError, NNError } from './errors.js';
export { bookGrid, classificationData } from './examples/classification.js';
export {
  type ExampleAccuracy,
  type ExampleKnobs,
  type ExampleReport,
  ExampleRun,
  type ExampleRunOptions,
} from './examples/example-run.js';
export {
  EXAMPLE_NAMES,
  EXAMPLES,
  type Example,
  type ExampleName,
  type ExampleSettings,
} from './examples/examples.js';
export { IRIS_SPECIES, irisData, type SplitData, splitEvenOdd } from './examples/iris.js';
export { IRIS_CSV } from './examples/iris-csv.js';
export { standardize } from './examples/standardize.js';
export {
  ACTIVATIONS,
  type Activation,
  type AllKernels,
  BINARY_OPS,
  type BinaryOp,
  CROSS_ENTROPY_EPSILON,
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
export { createNetwork, type NetworkOptions } from './layers/create-network.js';
export { Dense, type DenseOptions } from './layers/dense.js';
export { Dropout } from './layers/dropout.js';
export type { Layer, Parameter } from './layers/layer.js';
export { Sequential } from './layers/sequential.js';
export { crossEntropy, type Loss, meanSquaredError, sumOfSquares } from './losses/loss.js';
export {
  type DenseLayerJSON,
  type DropoutLayerJSON,
  fromModelJSON,
  type LayerJSON,
  MODEL_FORMAT,
  MODEL_VERSION,
  type ModelJSON,
  parseModel,
  toModelJSON,
  validateModelJSON,
} from './model/model-json.js';
export { Adagrad } from './optimizers/adagrad.js';
export { Adam } from './optimizers/adam.js';
export { createOptimizer } from './optimizers/create-optimizer.js';
export { Momentum } from './optimizers/momentum.js';
export {
  type AdagradPlan,
  type AdamPlan,
  adamCorrections,
  type MomentumPlan,
  OPTIMIZERS,
  type Optimizer,
  type OptimizerKind,
  type OptimizerPlan,
  optimizerState,
  optimizerStep,
  type RmspropPlan,
  type SgdPlan,
} from './optimizers/optimizer.js';
export { Rmsprop } from './optimizers/rmsprop.js';
export { Sgd } from './optimizers/sgd.js';
export { DefaultRng } from './rng/default-rng.js';
export { NumpyRng } from './rng/numpy-rng.js';
export { fillNormal, type Rng } from './rng/rng.js';
export {
  type CsvColumns,
  CsvRowError,
  CsvRows,
  type CsvTable,
} from './settings/csv-rows.js';
export { isDecimal, quoteValue } from './settings/quote-value.js';
export {
  gifFrames,
  HIDDEN_ACTIVATIONS,
  type HiddenActivation,
  MAX_CHART_POINTS,
  MAX_GIF_FRAMES,
  MAX_SEED,
  RNG_KINDS,
  type RngKind,
} from './settings/run-choices.js';
export { formatShape, type HostArray, type Precision, type Shape, Tensor } from './tensor.js';
export {
  createRegressionNetwork,
  type RegressionNetworkOptions,
  TEXTBOOK,
  textbookData,
} from './textbook.js';
export { argmax, Evaluation, type EvaluationResult } from './training/evaluation.js';
export { type FitOptions, type FitResult, fit } from './training/fit.js';
export {
  batchRows,
  type DensePlan,
  type DropoutDraft,
  type DropoutPlan,
  type EpochSetup,
  type LayerDraft,
  type LayerPlan,
  type PlanRunner,
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
export { requireFraction, requireInteger, requireOneOf, requirePositive } from './validate.js';
