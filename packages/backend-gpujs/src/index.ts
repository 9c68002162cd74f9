export type { GpujsStats } from './device.js';
export { createGpujsBackend, GpujsBackend, type GpujsBackendOptions } from './gpujs-backend.js';
export {
  GPUJS_MODES,
  type GpujsMode,
  type GpujsModeAvailability,
  probeGpujsModes,
  webgpuAvailability,
} from './modes.js';
export type { GpujsStorage, GpujsTensor } from './storage.js';
