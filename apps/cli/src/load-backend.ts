import type { Backend } from '@nn/core';
import type { BackendChoice } from './backend-choice.js';
import { CliError } from './cli-error.js';

interface GpujsModule {
  createGpujsBackend(options: { mode: string }): Backend | Promise<Backend>;
}

// A variable specifier: the gpujs backend is optional, so neither tsc nor the
// bundle-free runtime may require it to exist until --backend gpujs is asked.
const GPUJS_PACKAGE = '@nn/backend-gpujs';

/** Loads the gpujs backend package, or says plainly that this build lacks it. */
export async function importGpujs(): Promise<GpujsModule> {
  try {
    return (await import(GPUJS_PACKAGE)) as GpujsModule;
  } catch (error) {
    if (
      (error as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND' &&
      String(error).includes(GPUJS_PACKAGE)
    ) {
      throw new CliError(
        `the gpujs backend is not installed: ${GPUJS_PACKAGE} is not part of this build; use --backend cpu`,
      );
    }
    throw error;
  }
}

/** Starts the chosen backend; heavy packages load only here. */
export async function loadBackend(choice: BackendChoice): Promise<Backend> {
  if (choice.backend === 'cpu') {
    const { createCpuBackend } = await import('@nn/backend-cpu');
    return createCpuBackend({ precision: choice.precision });
  }
  const { createGpujsBackend } = await importGpujs();
  return await createGpujsBackend({ mode: choice.mode });
}
