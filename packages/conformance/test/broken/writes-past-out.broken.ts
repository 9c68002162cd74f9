import { Backend } from '@nn/core';
import { describeBackend } from '../../src/index.js';
import * as math from '../../src/reference-math.js';
import { createPlainDriver } from './plain-backend.js';

// matMul's loop runs to out.size inclusive: one element past `out`, which a
// plain array takes silently and download never shows.
describeBackend(
  'broken: matMul writes past out',
  () => {
    const driver = createPlainDriver();
    return new Backend({
      ...driver,
      kernels: {
        ...driver.kernels,
        matMul: (a, b, out, ta, tb) => {
          const values = math.matMul(a.storage, a.shape, b.storage, b.shape, ta, tb);
          for (let i = 0; i <= out.size; i++) out.storage[i] = values[i] ?? 0;
        },
      },
    });
  },
  { textbookEpochs: 11 },
);
