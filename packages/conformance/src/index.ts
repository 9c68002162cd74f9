export {
  type BookFixture,
  fixtureExample,
  replayBookFixture,
  reportedErrors,
} from './book-fixtures.js';
export { describeBackend } from './describe-backend.js';
export { createReferenceBackend, createReferenceDriver } from './reference-backend.js';
export * as referenceMath from './reference-math.js';
export { CAPABILITY_META_KEY, type CapabilityRecord } from './suites/capability-record.js';
export type { BackendFactory, ConformanceOptions, SuiteContext } from './suites/context.js';
export { describeNumpyParity } from './suites/numpy-parity.js';
export {
  EPSILON,
  finiteDifferenceStep,
  finiteDifferenceTolerance,
  kernelTolerance,
  textbookTolerance,
} from './tolerance.js';
