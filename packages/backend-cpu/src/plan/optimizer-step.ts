import { adamCorrections, type OptimizerPlan, type Parameter } from '@nn/core';
import { adagradUpdate } from '../kernels/adagrad-update.js';
import { adamUpdate } from '../kernels/adam-update.js';
import { momentumUpdate } from '../kernels/momentum-update.js';
import { rmspropUpdate } from '../kernels/rmsprop-update.js';
import { sgdUpdate } from '../kernels/sgd-update.js';
import type { CpuStorage, CpuTensor } from '../kernels/storage.js';

/**
 * One update of every parameter from its grad, by this backend's kernels on
 * the plan's tensors, in core's optimizerStep order (parameter by parameter;
 * Adam counts the step first and corrects with the new count). One function
 * for every plan, so that generated code sharing a factory across sessions
 * calls the same target.
 */
export function optimizerStep(
  optimizer: OptimizerPlan<CpuStorage>,
  parameters: readonly Parameter<CpuStorage>[],
): void {
  switch (optimizer.kind) {
    case 'sgd':
      for (const p of parameters) sgdUpdate(p.value, p.grad, optimizer.eta);
      return;
    case 'momentum': {
      const { eta, alpha, velocity } = optimizer;
      for (let i = 0; i < parameters.length; i++) {
        const p = parameters[i] as Parameter<CpuStorage>;
        momentumUpdate(p.value, p.grad, velocity[i] as CpuTensor, eta, alpha);
      }
      return;
    }
    case 'adagrad':
      for (let i = 0; i < parameters.length; i++) {
        const p = parameters[i] as Parameter<CpuStorage>;
        adagradUpdate(p.value, p.grad, optimizer.h[i] as CpuTensor, optimizer.eta);
      }
      return;
    case 'rmsprop': {
      const { eta, rho, h } = optimizer;
      for (let i = 0; i < parameters.length; i++) {
        const p = parameters[i] as Parameter<CpuStorage>;
        rmspropUpdate(p.value, p.grad, h[i] as CpuTensor, eta, rho);
      }
      return;
    }
    case 'adam': {
      const { eta, beta1, beta2, m, v, steps } = optimizer;
      steps.count++;
      const [c1, c2] = adamCorrections(optimizer, steps.count);
      for (let i = 0; i < parameters.length; i++) {
        const p = parameters[i] as Parameter<CpuStorage>;
        const mi = m[i] as CpuTensor;
        adamUpdate(p.value, p.grad, mi, v[i] as CpuTensor, eta, beta1, beta2, c1, c2);
      }
      return;
    }
  }
}
