import { describe, expect, it } from 'vitest';
import { isNNError, NNError } from '../src/index.js';

/** What an NNError thrown by another copy of @nn/core looks like to this one. */
function errorFromAnotherCopy(code: string): Error {
  class OtherNNError extends Error {
    readonly code = code;
    get [Symbol.for('@nn/core.NNError')](): true {
      return true;
    }
  }
  return new OtherNNError('from another copy of @nn/core');
}

describe('isNNError', () => {
  it('accepts an NNError, and checks its code when asked', () => {
    const error = new NNError('NN_SHAPE_MISMATCH', 'shapes differ');
    expect(isNNError(error)).toBe(true);
    expect(isNNError(error, 'NN_SHAPE_MISMATCH')).toBe(true);
    expect(isNNError(error, 'NN_TENSOR_DISPOSED')).toBe(false);
  });

  it('accepts an error of another copy of core by its brand, where instanceof cannot', () => {
    const error = errorFromAnotherCopy('NN_KERNEL_MISSING');
    expect(error instanceof NNError).toBe(false);
    expect(isNNError(error)).toBe(true);
    expect(isNNError(error, 'NN_KERNEL_MISSING')).toBe(true);
    expect(isNNError(error, 'NN_SHAPE_MISMATCH')).toBe(false);
    const plain = { [Symbol.for('@nn/core.NNError')]: true, code: 'NN_DIVERGED' };
    expect(isNNError(plain, 'NN_DIVERGED')).toBe(true);
  });

  it('refuses look-alikes: a code without the brand, the brand without a code, non-objects', () => {
    expect(isNNError(Object.assign(new Error('x'), { code: 'NN_SHAPE_MISMATCH' }))).toBe(false);
    expect(isNNError({ [Symbol.for('@nn/core.NNError')]: true })).toBe(false);
    expect(isNNError({ [Symbol.for('@nn/core.NNError')]: 'yes', code: 'NN_DIVERGED' })).toBe(false);
    for (const value of [undefined, null, 'NN_SHAPE_MISMATCH', 42]) {
      expect(isNNError(value)).toBe(false);
    }
  });

  it('keeps the brand on the prototype: an error shows no extra own property', () => {
    const error = new NNError('NN_DIVERGED', 'diverged');
    expect(Object.getOwnPropertySymbols(error)).toEqual([]);
    expect(Symbol.for('@nn/core.NNError') in error).toBe(true);
  });
});
