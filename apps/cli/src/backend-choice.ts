import type { FlagValues } from './flag-values.js';

export const BACKENDS = ['cpu', 'gpujs'] as const;
export const CPU_PRECISIONS = ['float64', 'float32'] as const;
export const GPUJS_MODES = [
  'auto',
  'headlessgl',
  'webgl2',
  'webgl',
  'webgpu',
  'webasm',
  'cpu',
] as const;

export type BackendChoice =
  | { backend: 'cpu'; precision: (typeof CPU_PRECISIONS)[number] }
  | { backend: 'gpujs'; mode: (typeof GPUJS_MODES)[number] };

/** The parseArgs options every command that runs a network takes. */
export const BACKEND_FLAGS = {
  backend: { type: 'string' },
  precision: { type: 'string' },
  mode: { type: 'string' },
} as const;

/** --backend with --precision (cpu only) or --mode (gpujs only); a flag for the other backend is a usage error. */
export function readBackendChoice(
  flags: FlagValues,
  values: { backend?: string; precision?: string; mode?: string },
): BackendChoice {
  const backend = flags.oneOf('--backend', values.backend ?? 'cpu', BACKENDS);
  if (backend === 'cpu') {
    if (values.mode !== undefined) {
      throw flags.fail(
        '--mode is for --backend gpujs; the cpu backend takes --precision float64|float32',
      );
    }
    return {
      backend,
      precision: flags.oneOf('--precision', values.precision ?? 'float64', CPU_PRECISIONS),
    };
  }
  if (values.precision !== undefined) {
    throw flags.fail(
      '--precision is for --backend cpu; gpujs always runs float32 (pick where with --mode)',
    );
  }
  return { backend, mode: flags.oneOf('--mode', values.mode ?? 'auto', GPUJS_MODES) };
}
