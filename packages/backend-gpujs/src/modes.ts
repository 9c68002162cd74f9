import { GPU, HeadlessGLKernel, WebGL2Kernel, WebGLKernel } from 'gpu.js';

/** gpu.js's own modes, best first: the order `auto` tries them in. */
export const GPUJS_MODES = ['headlessgl', 'webgl2', 'webgl', 'webasm', 'cpu'] as const;
export type GpujsMode = (typeof GPUJS_MODES)[number];

export interface GpujsModeAvailability {
  mode: GpujsMode;
  available: boolean;
  /** Why the mode cannot start, and what to install or set to make it start. */
  reason?: string;
}

interface GlKernelClass {
  readonly isSupported: boolean;
  readonly features: { isFloatRead: boolean; isTextureFloat: boolean } | null;
}

const GL_KERNELS: Record<'headlessgl' | 'webgl2' | 'webgl', GlKernelClass> = {
  headlessgl: HeadlessGLKernel as unknown as GlKernelClass,
  webgl2: WebGL2Kernel as unknown as GlKernelClass,
  webgl: WebGLKernel as unknown as GlKernelClass,
};

const isNode = typeof process !== 'undefined' && process.versions?.node !== undefined;

/** What `auto` tries, best first, where it runs. */
export const AUTO_ORDER: readonly GpujsMode[] = isNode
  ? ['headlessgl', 'webasm', 'cpu']
  : ['webgl2', 'webgl', 'webasm', 'cpu'];

/** Whether `mode` can run float32 kernels here, and if not, why. */
export function gpujsModeAvailability(mode: GpujsMode): GpujsModeAvailability {
  switch (mode) {
    case 'cpu':
      return { mode, available: true };
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

/** Every mode with its availability, for `nn backends` and the like. */
export async function probeGpujsModes(): Promise<GpujsModeAvailability[]> {
  return GPUJS_MODES.map(gpujsModeAvailability);
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
  return "headless-gl could not create a context: its native module 'gl' is missing or failed to build; install Debian's libxi-dev libglu1-mesa-dev libglew-dev pkg-config (and Mesa), then reinstall with npm_config_nodedir set to the Node prefix";
}
