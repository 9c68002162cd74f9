import { type Backend, isNNError } from '@nn/core';
import type { BackendInfo } from './protocol.js';
import type { BackendId } from './settings.js';

export interface LoadedBackend {
  backend: Backend;
  info: BackendInfo;
}

/**
 * Starts the chosen backend. gpu.js is imported only here, so it is fetched
 * only when chosen. A gpu.js mode that cannot start falls back to the best
 * one that can, and the reason travels with the backend for the page to show.
 */
export async function loadBackend(id: BackendId): Promise<LoadedBackend> {
  if (id === 'cpu-float64' || id === 'cpu-float32') {
    const { createCpuBackend } = await import('@nn/backend-cpu');
    return describe(
      id,
      createCpuBackend({ precision: id === 'cpu-float64' ? 'float64' : 'float32' }),
    );
  }
  const { createGpujsBackend } = await import('@nn/backend-gpujs');
  const mode = id.slice('gpujs-'.length) as 'webgl2' | 'webgl' | 'webasm' | 'cpu';
  try {
    return describe(id, createGpujsBackend({ mode }));
  } catch (error) {
    if (!isNNError(error, 'NN_BACKEND_UNAVAILABLE')) throw error;
    const backend = createGpujsBackend({ mode: 'auto' });
    const loaded = describe(id, backend);
    const also = loaded.info.fallbackReason;
    loaded.info.fallbackReason = also === undefined ? error.message : `${error.message}; ${also}`;
    return loaded;
  }
}

function describe(id: BackendId, backend: Backend): LoadedBackend {
  const { mode, precision, fallbackReason } = backend.capabilities;
  return {
    backend,
    info: {
      id,
      name: backend.name,
      mode,
      precision,
      ...(fallbackReason === undefined ? {} : { fallbackReason }),
    },
  };
}
