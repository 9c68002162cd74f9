/** Every tensor is a row-major matrix: rows are samples, columns are features. */
export type Shape = readonly [rows: number, cols: number];

export type HostArray = Float32Array | Float64Array;

export type Precision = 'float32' | 'float64';

let nextTensorId = 1;

/**
 * A handle to storage owned by one backend. Backends read `storage`; everyone
 * else treats it as opaque and goes through the backend.
 */
export class Tensor<S = unknown> {
  readonly id = nextTensorId++;
  // Plain fields rather than getters on shape: kernels read them on every call.
  readonly rows: number;
  readonly cols: number;
  readonly size: number;
  disposed = false;

  constructor(
    /** The backend that made this tensor; kernels refuse tensors of another. */
    readonly owner: object,
    readonly shape: Shape,
    readonly storage: S,
  ) {
    this.rows = shape[0];
    this.cols = shape[1];
    this.size = shape[0] * shape[1];
  }
}

export function formatShape(shape: Shape): string {
  return `${shape[0]}×${shape[1]}`;
}
