export type { GpujsStats } from './device.js';
export { createGpujsBackend, GpujsBackend, type GpujsBackendOptions } from './gpujs-backend.js';
export {
  type GpujsModeAvailability,
  probeGpujsModes,
  webgpuAvailability,
} from './mode-availability.js';
export { GPUJS_MODE_CHOICES, GPUJS_MODES, type GpujsMode, type GpujsModeChoice } from './modes.js';
export type { GpujsStorage, GpujsTensor } from './storage.js';
