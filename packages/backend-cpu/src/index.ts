export { type CpuBackendOptions, createCpuBackend } from './cpu-backend.js';
export type { CpuStorage, CpuTensor } from './kernels/storage.js';
