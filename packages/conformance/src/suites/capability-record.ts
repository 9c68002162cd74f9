import {
  type Backend,
  KERNEL_SIGNATURES,
  type KernelName,
  type Precision,
  REQUIRED_KERNELS,
} from '@nn/core';
import type { TaskMeta } from 'vitest';

const REQUIRED: readonly KernelName[] = REQUIRED_KERNELS;
const OPTIONAL = (Object.keys(KERNEL_SIGNATURES) as KernelName[]).filter(
  (name) => !REQUIRED.includes(name),
);

/**
 * What a backend declares about itself, as the capability matrix
 * (`pnpm --filter @nn/conformance matrix`, docs/capabilities.md) shows it.
 * The storage test 'declares its precision and the mode that runs' records
 * it in its task meta, which vitest's JSON reporter writes out.
 */
export interface CapabilityRecord {
  precision: Precision;
  syncRead: boolean;
  mode: string;
  fallbackReason?: string;
  /** Whether the driver has `compilePlan` (it may still decline a plan). */
  plans: boolean;
  requiredKernels: { present: KernelName[]; missing: KernelName[] };
  optionalKernels: { present: KernelName[]; missing: KernelName[] };
}

/** The key of the record in a test's meta (and in the JSON report). */
export const CAPABILITY_META_KEY = 'nnCapabilities';

function split(backendHas: (name: KernelName) => boolean, names: readonly KernelName[]) {
  return {
    present: names.filter((name) => backendHas(name)),
    missing: names.filter((name) => !backendHas(name)),
  };
}

/**
 * Records what `backend` declares in the running test's meta, where vitest's
 * JSON reporter writes it for the capability matrix.
 */
export function recordCapabilities(backend: Backend, meta: TaskMeta): void {
  const { precision, syncRead, mode, fallbackReason } = backend.capabilities;
  const has = (name: KernelName) => backend.hasKernel(name);
  const record: CapabilityRecord = {
    precision,
    syncRead,
    mode,
    ...(fallbackReason === undefined ? {} : { fallbackReason }),
    plans: backend.runsPlans,
    requiredKernels: split(has, REQUIRED),
    optionalKernels: split(has, OPTIONAL),
  };
  Object.assign(meta, { [CAPABILITY_META_KEY]: record });
}
