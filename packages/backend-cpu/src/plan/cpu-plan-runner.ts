import type { PlanRunner } from '@nn/core';

/**
 * How a runner does its steps: code generated for the plan, or, without
 * generated code, fused loops per sample (batch size 1) or the kernels per
 * batch.
 */
export type PlanCode = 'generated' | 'sample-loops' | 'batch-kernels';

export interface CpuPlanRunner extends PlanRunner {
  readonly code: PlanCode;
}

/** Allocates the runner's scratch in the backend's precision. */
export type Allocate = (size: number) => Float64Array | Float32Array;
