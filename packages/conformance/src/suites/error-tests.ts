import { createRegressionNetwork, Dense, fit, NumpyRng, Sgd, textbookData } from '@nn/core';
import { describe, expect, it } from 'vitest';
import { expectCode, type SuiteContext, seededRng } from './context.js';

export function errorTests(context: SuiteContext): void {
  describe('bad input gives the documented error codes', () => {
    it('NN_SHAPE_MISMATCH for data that does not fill the shape, and for empty shapes', async () => {
      const backend = context.backend();
      await expectCode(() => backend.tensor([2, 2], [1, 2, 3]), 'NN_SHAPE_MISMATCH');
      await expectCode(() => backend.tensor([0, 3]), 'NN_SHAPE_MISMATCH');
      await expectCode(() => backend.tensor([1.5, 3]), 'NN_SHAPE_MISMATCH');
      const t = backend.tensor([2, 2]);
      await expectCode(() => backend.write(t, [1, 2]), 'NN_SHAPE_MISMATCH');
      backend.dispose(t);
    });

    it('NN_SHAPE_MISMATCH for kernels on mismatched shapes', async () => {
      const backend = context.backend();
      const a = backend.tensor([2, 3]);
      const b = backend.tensor([2, 3]);
      const c = backend.tensor([2, 2]);
      const row = backend.tensor([1, 2]);
      const scalar = backend.tensor([1, 1]);
      await expectCode(() => backend.matMul(a, b, c), 'NN_SHAPE_MISMATCH');
      await expectCode(() => backend.matMul(a, b, a, false, true), 'NN_SHAPE_MISMATCH');
      await expectCode(() => backend.biasAdd(a, row, b), 'NN_SHAPE_MISMATCH');
      await expectCode(() => backend.columnSum(a, row), 'NN_SHAPE_MISMATCH');
      if (backend.hasKernel('binary')) {
        await expectCode(() => backend.binary('add', a, c, a), 'NN_SHAPE_MISMATCH');
      }
      await expectCode(() => backend.activationForward('sigmoid', a, c), 'NN_SHAPE_MISMATCH');
      await expectCode(() => backend.activationBackward('sigmoid', a, c, a), 'NN_SHAPE_MISMATCH');
      await expectCode(() => backend.lossValue('sumOfSquares', a, c, scalar), 'NN_SHAPE_MISMATCH');
      await expectCode(() => backend.lossValue('sumOfSquares', a, b, row), 'NN_SHAPE_MISMATCH');
      await expectCode(() => backend.lossGradient('sumOfSquares', a, b, c), 'NN_SHAPE_MISMATCH');
      await expectCode(() => backend.sgdUpdate(a, c, 0.1), 'NN_SHAPE_MISMATCH');
      await expectCode(() => backend.gatherRows(a, row, 1, c), 'NN_SHAPE_MISMATCH');
      for (const t of [a, b, c, row, scalar]) backend.dispose(t);
    });

    it('NN_SHAPE_MISMATCH for a layer fed the wrong number of inputs', async () => {
      const backend = context.backend();
      const layer = new Dense(backend, {
        inputs: 3,
        units: 2,
        activation: 'tanh',
        rng: seededRng(1),
      });
      const x = backend.tensor([4, 2]);
      await expectCode(() => layer.forward(x), 'NN_SHAPE_MISMATCH');
      layer.dispose();
      backend.dispose(x);
    });

    it('NN_TENSOR_DISPOSED for a disposed tensor in a kernel or a read', async () => {
      const backend = context.backend();
      const a = backend.tensor([2, 2]);
      const out = backend.tensor([2, 2]);
      backend.dispose(a);
      await expectCode(() => backend.activationForward('sigmoid', a, out), 'NN_TENSOR_DISPOSED');
      await expectCode(() => backend.activationForward('relu', out, a), 'NN_TENSOR_DISPOSED');
      await expectCode(() => backend.read(a), 'NN_TENSOR_DISPOSED');
      await expectCode(() => backend.write(a, [1, 2, 3, 4]), 'NN_TENSOR_DISPOSED');
      backend.dispose(out);
    });

    it('NN_FOREIGN_TENSOR for a tensor of another backend instance', async () => {
      const backend = context.backend();
      const other = await context.factory();
      try {
        const foreign = other.tensor([2, 2]);
        const own = backend.tensor([1, 2]);
        await expectCode(() => backend.columnSum(own, foreign), 'NN_FOREIGN_TENSOR');
        other.dispose(foreign);
        backend.dispose(own);
      } finally {
        other.destroy();
      }
    });

    it('NN_INVALID_ARGUMENT for hyperparameters out of range, with nothing left allocated', async () => {
      const backend = context.backend();
      const rng = new NumpyRng(1);
      await expectCode(() => new Sgd({ eta: 0 }), 'NN_INVALID_ARGUMENT');
      await expectCode(() => new Sgd({ eta: -0.1 }), 'NN_INVALID_ARGUMENT');
      await expectCode(() => new Sgd({ eta: Number.NaN }), 'NN_INVALID_ARGUMENT');
      await expectCode(() => new Sgd({ eta: Number.POSITIVE_INFINITY }), 'NN_INVALID_ARGUMENT');
      await expectCode(
        () =>
          createRegressionNetwork(backend, {
            hidden: [3, 0],
            activation: 'sigmoid',
            rng,
            wbWidth: 0.01,
          }),
        'NN_INVALID_ARGUMENT',
      );
      await expectCode(
        () =>
          createRegressionNetwork(backend, {
            hidden: [3],
            activation: 'sigmoid',
            rng,
            wbWidth: Number.NaN,
          }),
        'NN_INVALID_ARGUMENT',
      );
      const network = createRegressionNetwork(backend, {
        hidden: [3],
        activation: 'sigmoid',
        rng,
        wbWidth: 0.01,
      });
      const optimizer = new Sgd({ eta: 0.1 });
      for (const bad of [
        { epochs: 0 },
        { epochs: 2.5 },
        { epochs: 10, batchSize: 0 },
        { epochs: 10, interval: 0 },
      ]) {
        await expectCode(
          () => fit(network, textbookData(), { optimizer, rng, ...bad }),
          'NN_INVALID_ARGUMENT',
        );
      }
      await expectCode(
        () => fit(network, { x: [0, Number.NaN], t: [0, 1] }, { epochs: 1, optimizer, rng }),
        'NN_INVALID_ARGUMENT',
      );
      await expectCode(
        () => fit(network, { x: [0, 1], t: [0] }, { epochs: 1, optimizer, rng }),
        'NN_SHAPE_MISMATCH',
      );
      network.dispose();
    });

    it('NN_DIVERGED naming the epoch when the loss stops being finite', async () => {
      const backend = context.backend();
      const rng = new NumpyRng(1);
      const network = createRegressionNetwork(backend, {
        hidden: [3],
        activation: 'sigmoid',
        rng,
        wbWidth: 0.01,
      });
      const error = await fit(network, textbookData(), {
        epochs: 50,
        optimizer: new Sgd({ eta: 1000 }),
        rng,
      }).then(
        () => undefined,
        (e: unknown) => e as Error & { code?: string },
      );
      expect(error?.code).toBe('NN_DIVERGED');
      expect(error?.message).toMatch(/epoch \d+/);
      expect(error?.message).toMatch(/eta/);
      network.dispose();
    });
  });
}
