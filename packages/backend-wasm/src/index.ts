export { DEFAULT_MAX_THREADS } from './platform.js';
export type { WasmStorage, WasmTensor } from './storage.js';
export { createWasmBackend, type WasmBackendOptions } from './wasm-backend.js';
