import type { BackendDescriptor } from '@nn/core';

const PRECISIONS = ['float64', 'float32'] as const;

/**
 * The cpu backend for the apps' catalog. Importing it loads no kernels:
 * `load` imports them when called. It runs wherever JavaScript does.
 */
export const descriptor: BackendDescriptor = {
  id: 'cpu',
  packageName: '@nn/backend-cpu',
  label: 'typed arrays on the CPU (float64 like NumPy, or float32)',
  needs: 'nothing: it runs wherever JavaScript does',
  options: [
    {
      name: 'precision',
      values: PRECISIONS,
      default: 'float64',
      help: "float64 (NumPy's) or float32 arithmetic",
    },
  ],
  async probe(options = {}) {
    const precision = options.precision ?? 'float64';
    return (PRECISIONS as readonly string[]).includes(precision)
      ? { available: true }
      : { available: false, reason: `cpu has no precision '${precision}'; use float64 or float32` };
  },
  async load(options = {}) {
    // The package's entry: one bundled file in the build, not one per kernel.
    const { createCpuBackend } = await import('./index.js');
    return createCpuBackend({
      precision: (options.precision ?? 'float64') as (typeof PRECISIONS)[number],
    });
  },
};
