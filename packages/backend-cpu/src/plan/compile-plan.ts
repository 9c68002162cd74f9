import { ACTIVATIONS, LOSSES, OPTIMIZERS, type Precision, type TrainingPlan } from '@nn/core';
import type { CpuStorage } from '../kernels/storage.js';
import { batchKernelRunner } from './batch-kernel-runner.js';
import type { Allocate, CpuPlanRunner } from './cpu-plan-runner.js';
import { GENERATED_PARAMETER_LIMIT, generatedRunner } from './generated-runner.js';
import { lossGivesDelta, parameterCount } from './plan-shape.js';
import { sampleLoopRunner } from './sample-loop-runner.js';

export interface CompileOptions {
  precision: Precision;
  allocate: Allocate;
  /** Whether generated code may be used: asked for and allowed by the environment. */
  generatedCode: boolean;
}

/**
 * A runner for plans of dense layers (any activation of core's) and
 * dropout layers, any loss and any optimizer of core's; undefined for
 * anything else, which core then composes from kernels. Small networks get
 * code generated for them where that is allowed; the others, and every
 * network where it is not, loops that need no generated code: fused per
 * sample at batch size 1, the kernels per batch otherwise.
 */
export function compileCpuPlan(
  plan: TrainingPlan<CpuStorage>,
  options: CompileOptions,
): CpuPlanRunner | undefined {
  if (!runsOnCpu(plan)) return undefined;
  if (options.generatedCode && parameterCount(plan) <= GENERATED_PARAMETER_LIMIT) {
    return generatedRunner(plan, options.precision);
  }
  if (plan.batchSize === 1) return sampleLoopRunner(plan, options.allocate);
  return batchKernelRunner(plan, options.allocate);
}

/** Kinds are read as plain strings: a plan from a newer core may carry kinds this backend does not know. */
function runsOnCpu(plan: TrainingPlan<CpuStorage>): boolean {
  const known = <T extends string>(list: readonly T[], value: string): boolean =>
    (list as readonly string[]).includes(value);
  const layersKnown = plan.layers.every((layer) =>
    (layer.kind as string) === 'dense'
      ? known(ACTIVATIONS, (layer as { activation: string }).activation)
      : (layer.kind as string) === 'dropout',
  );
  const last = plan.layers[plan.layers.length - 1];
  // Cross-entropy's gradient is the delta at a softmax's input: core builds such plans only with a softmax last.
  const deltaAtSoftmax =
    !lossGivesDelta(plan) || (last?.kind === 'dense' && last.activation === 'softmax');
  return (
    known(OPTIMIZERS, plan.optimizer.kind) &&
    known(LOSSES, plan.loss) &&
    layersKnown &&
    deltaAtSoftmax
  );
}
