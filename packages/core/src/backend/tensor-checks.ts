import { NNError } from '../errors.js';
import { formatShape, type Shape, Tensor } from '../tensor.js';

/** The hot check stays tiny so that it inlines; the message is built only on failure. */
export function checkTensor(
  owner: { readonly name: string },
  kernel: string,
  arg: string,
  t: Tensor,
): void {
  if (t.owner !== owner || t.disposed) failTensor(owner, kernel, arg, t);
}

function failTensor(
  owner: { readonly name: string },
  kernel: string,
  arg: string,
  t: Tensor,
): never {
  if (!(t instanceof Tensor) || t.owner !== owner) {
    throw new NNError(
      'NN_FOREIGN_TENSOR',
      `${kernel}: ${arg} does not belong to this '${owner.name}' backend; create tensors with the backend that runs the kernel`,
    );
  }
  throw new NNError(
    'NN_TENSOR_DISPOSED',
    `${kernel}: ${arg} (tensor #${t.id}, ${formatShape(t.shape)}) was disposed; keep tensors alive until their last use`,
  );
}

export function checkShape(shape: Shape): void {
  const [rows, cols] = shape;
  if (!Number.isInteger(rows) || !Number.isInteger(cols) || rows < 1 || cols < 1) {
    throw new NNError(
      'NN_SHAPE_MISMATCH',
      `tensor: shape [${rows}, ${cols}] is not valid; rows and cols must be whole numbers ≥ 1`,
    );
  }
}

export function expectShape(
  where: string,
  arg: string,
  t: Tensor,
  rows: number,
  cols: number,
): void {
  if (t.rows !== rows || t.cols !== cols) {
    throw new NNError(
      'NN_SHAPE_MISMATCH',
      `${where}: ${arg} is ${formatShape(t.shape)} but must be ${rows}×${cols}`,
    );
  }
}
