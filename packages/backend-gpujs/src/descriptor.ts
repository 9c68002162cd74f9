import type { BackendDescriptor } from '@nn/core';
import { GPUJS_MODE_CHOICES, GPUJS_MODES_RUN_IN, type GpujsModeChoice } from './modes.js';

/**
 * The gpujs backend for the apps' catalog. Importing it loads neither gpu.js
 * nor the kernels: `probe` and `load` import them when called.
 */
export const descriptor: BackendDescriptor = {
  id: 'gpujs',
  packageName: '@nn/backend-gpujs',
  label:
    'gpu.js, float32: WebGL2/WebGL in browsers, headless-gl in Node, WebAssembly or JavaScript',
  needs: 'a GL context for the GL modes (headless-gl and an X display in Node, WebGL in a browser)',
  options: [
    {
      name: 'mode',
      values: GPUJS_MODE_CHOICES,
      default: 'auto',
      help: 'where gpu.js runs its kernels; auto takes the best that starts',
      runsIn: GPUJS_MODES_RUN_IN,
    },
  ],
  async probe(options = {}) {
    const asked = mode(options.mode);
    if (!GPUJS_MODE_CHOICES.includes(asked)) {
      return {
        available: false,
        reason: `gpujs has no mode '${asked}'; the modes are ${GPUJS_MODE_CHOICES.join(', ')}`,
      };
    }
    const { probeGpujsMode } = await import('./probe-mode.js');
    return probeGpujsMode(asked);
  },
  async load(options = {}, context = {}) {
    const { createGpujsBackend } = await import('./index.js');
    return createGpujsBackend({
      mode: mode(options.mode),
      ...(context.sliceMs === undefined ? {} : { sliceMs: context.sliceMs }),
    });
  },
};

function mode(value: string | undefined): GpujsModeChoice {
  return (value ?? 'auto') as GpujsModeChoice;
}
