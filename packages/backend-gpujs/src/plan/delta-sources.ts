import type { Stage } from './stages.js';

/**
 * Where a layer's update kernels take its delta from: 'output' recomputes the
 * output layer's from y and t; 'inline' recomputes the layer below's from the
 * output's; 'stored' reads what a delta kernel wrote earlier in the step.
 */
export type DeltaSource = 'output' | 'inline' | 'stored';

/**
 * Recomputing a delta inline repeats Σk over the output's units in every
 * update thread: (inputs + 1) · units · rows · outputs multiply-adds a step.
 * Up to this many it costs less than the launch a stored delta takes
 * (a few microseconds in webasm, the mode with the cheapest launches).
 */
const INLINE_DELTA_MAX_WORK = 4096;

/**
 * The output layer's delta is always recomputed (from y and t). The layer
 * below it recomputes its own only when it is the first layer, as no layer
 * below needs it stored, when that stays cheap and when no dropout follows
 * it (its mask would be the kernel's ninth buffer, past WebGPU's default
 * maxStorageBuffersPerShaderStage of 8); every other layer's delta is
 * stored, from the layer above's weights before their update.
 */
export function deltaSources(stages: readonly Stage[], batchSize: number): DeltaSource[] {
  const last = stages.length - 1;
  const output = (stages[last] as Stage).layer;
  return stages.map(({ layer, mask }, l) => {
    if (l === last) return 'output';
    const work = (layer.inputs + 1) * layer.units * batchSize * output.units;
    const inline = l === 0 && last === 1 && mask === undefined && work <= INLINE_DELTA_MAX_WORK;
    return inline ? 'inline' : 'stored';
  });
}
