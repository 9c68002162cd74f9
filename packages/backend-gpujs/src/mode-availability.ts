import { GPU, HeadlessGLKernel, WebGL2Kernel, WebGLKernel } from 'gpu.js';

import { GPUJS_MODES, type GpujsMode, isNode, SOFTWARE_RENDERER } from './modes.js';

export interface GpujsModeAvailability {
  mode: GpujsMode;
  available: boolean;
  /** Why the mode cannot start, and what to install or set to make it start. */
  reason?: string;
}

interface GlKernelClass {
  readonly isSupported: boolean;
  readonly features: { isFloatRead: boolean; isTextureFloat: boolean } | null;
  readonly testContext: GlTestContext | null;
}

interface GlTestContext {
  readonly RENDERER: number;
  getParameter(name: number): unknown;
  /** Browsers: WEBGL_debug_renderer_info gives the real renderer, where RENDERER says "WebKit WebGL". */
  getExtension?(name: string): { UNMASKED_RENDERER_WEBGL: number } | null;
  /** headless-gl's own: the driver's answer, where getParameter answers "ANGLE". */
  _getParameterDirect?(name: number): unknown;
}

const GL_KERNELS: Record<'headlessgl' | 'webgl2' | 'webgl', GlKernelClass> = {
  headlessgl: HeadlessGLKernel as unknown as GlKernelClass,
  webgl2: WebGL2Kernel as unknown as GlKernelClass,
  webgl: WebGLKernel as unknown as GlKernelClass,
};

/**
 * Whether `mode` can run float32 kernels here, and if not, why. For webgpu
 * this only sees whether the API exists; `webgpuAvailability()` asks for an adapter.
 */
export function gpujsModeAvailability(mode: GpujsMode): GpujsModeAvailability {
  switch (mode) {
    case 'cpu':
      return { mode, available: true };
    case 'webgpu':
      return GPU.isWebGPUSupported
        ? { mode, available: true }
        : { mode, available: false, reason: webgpuMissingReason() };
    case 'webasm':
      return GPU.isWebAssemblySupported
        ? { mode, available: true }
        : { mode, available: false, reason: 'this runtime has no WebAssembly' };
    default: {
      const Kernel = GL_KERNELS[mode];
      if (!Kernel.isSupported) return { mode, available: false, reason: glMissingReason(mode) };
      const features = Kernel.features;
      if (features === null || !features.isTextureFloat || !features.isFloatRead) {
        return {
          mode,
          available: false,
          reason: `${mode} runs but cannot render and read float32 textures (OES_texture_float / EXT_color_buffer_float); use mode 'webasm'`,
        };
      }
      return { mode, available: true };
    }
  }
}

/**
 * The renderer of gpu.js's test context in a GL mode that runs, e.g.
 * "ANGLE (Mesa/X.org llvmpipe (LLVM 15.0.6, 256 bits) OpenGL 4.5 core)";
 * headless-gl's public getParameter(RENDERER) says only "ANGLE".
 */
export function glRenderer(mode: 'headlessgl' | 'webgl2' | 'webgl'): string | undefined {
  const gl = GL_KERNELS[mode].testContext;
  if (gl === null) return undefined;
  const unmasked = gl.getExtension?.('WEBGL_debug_renderer_info');
  const renderer =
    unmasked != null
      ? gl.getParameter(unmasked.UNMASKED_RENDERER_WEBGL)
      : (gl._getParameterDirect?.(gl.RENDERER) ?? gl.getParameter(gl.RENDERER));
  return typeof renderer === 'string' ? renderer : undefined;
}

/** The renderer of a GL mode that rasterises in software (llvmpipe, SwiftShader), which `auto` passes over. */
export function softwareRenderer(mode: GpujsMode): string | undefined {
  if (mode !== 'headlessgl' && mode !== 'webgl2' && mode !== 'webgl') return undefined;
  const renderer = glRenderer(mode);
  return renderer !== undefined && SOFTWARE_RENDERER.test(renderer) ? renderer : undefined;
}

/** Every mode with its availability, for `nn backends` and the like. */
export async function probeGpujsModes(): Promise<GpujsModeAvailability[]> {
  const webgpu = await webgpuAvailability();
  return GPUJS_MODES.map((mode) => (mode === 'webgpu' ? webgpu : gpujsModeAvailability(mode)));
}

/**
 * Whether webgpu mode can run here: the API exists and an adapter answers
 * (navigator.gpu can exist with none, as in Chromium on Linux by default).
 */
export async function webgpuAvailability(): Promise<GpujsModeAvailability> {
  const mode = 'webgpu';
  const api = gpujsModeAvailability(mode);
  if (!api.available) return api;
  if (await GPU.isWebGPUAvailable()) return { mode, available: true };
  return {
    mode,
    available: false,
    reason:
      'navigator.gpu exists but no WebGPU adapter answered (no usable GPU, or WebGPU is blocked for it); in Chromium on Linux start it with --enable-unsafe-webgpu, or use webgl2',
  };
}

function webgpuMissingReason(): string {
  return isNode
    ? "webgpu exists only in browsers (gpu.js reaches it through navigator.gpu); in Node use 'headlessgl' or 'webasm'"
    : 'this browser offers no WebGPU (navigator.gpu is missing): Chrome and Edge 113+ have it; use webgl2 elsewhere';
}

function glMissingReason(mode: 'headlessgl' | 'webgl2' | 'webgl'): string {
  if (mode !== 'headlessgl') {
    return isNode
      ? `${mode} exists only in browsers; in Node use 'headlessgl' or 'webasm'`
      : `this browser offers no ${mode === 'webgl2' ? 'WebGL2' : 'WebGL'} context`;
  }
  if (!isNode) return "headlessgl runs only in Node; in a browser use 'webgl2' or 'webgl'";
  if (process.platform === 'linux' && !process.env.DISPLAY) {
    return 'headless-gl needs an X display and DISPLAY is unset: start one (apt-get install xvfb; Xvfb :99 -screen 0 1280x1024x24 -nolisten tcp &) and set DISPLAY=:99';
  }
  if (glModuleLoads()) {
    return `headless-gl loaded but cannot open the X display DISPLAY=${process.env.DISPLAY}: no X server answers there; start one (Xvfb :99 -screen 0 1280x1024x24 -nolisten tcp &) and set DISPLAY=:99, or unset DISPLAY to use 'webasm'`;
  }
  return "headless-gl could not create a context: its native module 'gl' is missing or failed to build; install Debian's libxi-dev libglu1-mesa-dev libglew-dev pkg-config (and Mesa), then reinstall with npm_config_nodedir set to the Node prefix";
}

/** Whether gpu.js's native dependency 'gl' loads here, telling a missing build from a dead display. */
function glModuleLoads(): boolean {
  // getBuiltinModule keeps this file free of Node imports, so it still bundles for browsers.
  const nodeModule = (process as { getBuiltinModule?: (id: string) => unknown }).getBuiltinModule?.(
    'node:module',
  ) as typeof import('node:module') | undefined;
  if (nodeModule === undefined) return false;
  try {
    const require = nodeModule.createRequire(import.meta.url);
    nodeModule.createRequire(require.resolve('gpu.js'))('gl');
    return true;
  } catch {
    return false;
  }
}
