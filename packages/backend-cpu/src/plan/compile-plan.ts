import { ACTIVATIONS, LOSSES, type Precision, type TrainingPlan } from '@nn/core';
import type { CpuStorage } from '../kernels/storage.js';
import { batchKernelRunner } from './batch-kernel-runner.js';
import type { Allocate, CpuPlanRunner } from './cpu-plan-runner.js';
import { GENERATED_PARAMETER_LIMIT, generatedRunner } from './generated-runner.js';
import { sampleLoopRunner } from './sample-loop-runner.js';

export interface CompileOptions {
  precision: Precision;
  allocate: Allocate;
  /** Whether generated code may be used: asked for and allowed by the environment. */
  generatedCode: boolean;
}

/**
 * A runner for plans of dense layers (any activation of core's), either
 * loss, and SGD; undefined for anything else, which core then composes from
 * kernels. Small networks get code generated for them where that is allowed;
 * the others, and every network where it is not, loops that need no
 * generated code: fused per sample at batch size 1, the kernels per batch
 * otherwise.
 */
export function compileCpuPlan(
  plan: TrainingPlan<CpuStorage>,
  options: CompileOptions,
): CpuPlanRunner | undefined {
  if (!runsOnCpu(plan)) return undefined;
  const parameters = plan.layers.reduce((n, l) => n + (l.inputs + 1) * l.units, 0);
  if (options.generatedCode && parameters <= GENERATED_PARAMETER_LIMIT) {
    return generatedRunner(plan, options.precision);
  }
  if (plan.batchSize === 1) return sampleLoopRunner(plan, options.allocate);
  return batchKernelRunner(plan, options.allocate);
}

/** Kinds are read as plain strings: a plan from a newer core may carry kinds this backend does not know. */
function runsOnCpu(plan: TrainingPlan<CpuStorage>): boolean {
  const known = <T extends string>(list: readonly T[], value: string): boolean =>
    (list as readonly string[]).includes(value);
  return (
    (plan.optimizer.kind as string) === 'sgd' &&
    known(LOSSES, plan.loss) &&
    plan.layers.every(
      (layer) => (layer.kind as string) === 'dense' && known(ACTIVATIONS, layer.activation),
    )
  );
}
