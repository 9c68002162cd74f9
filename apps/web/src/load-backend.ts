import { type Backend, isNNError } from '@nn/core';
import type { BackendInfo } from './protocol.js';
import type { BackendId } from './settings.js';

export interface LoadedBackend {
  backend: Backend;
  info: BackendInfo;
}

type Gpujs = typeof import('@nn/backend-gpujs');
/** The gpu.js modes a browser can run; the page's ids are `gpujs-` and one of these. */
type GpujsPageMode = 'webgl2' | 'webgl' | 'webasm' | 'cpu' | 'webgpu';

/**
 * Starts the chosen backend. gpu.js is imported only here, so it is fetched
 * only when chosen. A gpu.js mode that cannot start falls back to the best
 * one that can, and the reason travels with the backend for the page to show.
 * `kernelSliceMs` (main thread) has gpu.js run its kernel calls in slices.
 */
export async function loadBackend(id: BackendId, kernelSliceMs?: number): Promise<LoadedBackend> {
  if (id === 'cpu-float64' || id === 'cpu-float32') {
    const { createCpuBackend } = await import('@nn/backend-cpu');
    return describe(
      id,
      createCpuBackend({ precision: id === 'cpu-float64' ? 'float64' : 'float32' }),
    );
  }
  const gpujs = await import('@nn/backend-gpujs');
  // On the main thread, gpu.js's evaluation and its feature check (it
  // compiles test kernels as a backend starts) are then two tasks, not one.
  await new Promise((resolve) => setTimeout(resolve, 0));
  const mode = id.slice('gpujs-'.length) as GpujsPageMode;
  const options = kernelSliceMs === undefined ? {} : { sliceMs: kernelSliceMs };
  const started = await startMode(gpujs, mode, options);
  if (typeof started !== 'string') return describe(id, started);
  const loaded = describe(id, gpujs.createGpujsBackend({ ...options, mode: 'auto' }));
  const also = loaded.info.fallbackReason;
  loaded.info.fallbackReason = also === undefined ? started : `${started}; ${also}`;
  return loaded;
}

/** The backend in `mode`, or why that mode cannot start here. */
async function startMode(
  gpujs: Gpujs,
  mode: GpujsPageMode,
  options: { sliceMs?: number },
): Promise<Backend | string> {
  // A WebGPU adapter can only be asked for asynchronously, so a browser
  // without one is found here, not by the synchronous constructor.
  if (mode === 'webgpu') {
    const webgpu = await gpujs.webgpuAvailability();
    if (!webgpu.available) {
      return `gpujs mode 'webgpu' cannot start: ${webgpu.reason ?? 'the browser gave no WebGPU adapter'}`;
    }
  }
  try {
    return gpujs.createGpujsBackend({ ...options, mode });
  } catch (error) {
    if (!isNNError(error, 'NN_BACKEND_UNAVAILABLE')) throw error;
    return error.message;
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
