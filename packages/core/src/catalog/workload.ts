/** A network's size as `auto` weighs it: layer widths, inputs to outputs, and the batch. */
export interface Workload {
  /** Every layer's width, the inputs' first and the outputs' last, e.g. [1, 3, 1]. */
  readonly widths: readonly number[];
  readonly batchSize: number;
}

/** Multiply-adds of one forward pass of a training step: batch × Σ fanIn·fanOut. */
export function multiplyAdds(workload: Workload): number {
  let sum = 0;
  for (let i = 1; i < workload.widths.length; i++) {
    sum += (workload.widths[i - 1] as number) * (workload.widths[i] as number);
  }
  return workload.batchSize * sum;
}
