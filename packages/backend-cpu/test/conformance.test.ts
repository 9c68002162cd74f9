import { describeBackend } from '@nn/conformance';
import { createCpuBackend } from '../src/index.js';

// Plans run as generated code by default; generatedCode: false runs the generic loops a strict CSP leaves.
describeBackend('cpu float64', () => createCpuBackend());
describeBackend('cpu float64, generic plan loops', () =>
  createCpuBackend({ generatedCode: false }),
);
describeBackend('cpu float32', () => createCpuBackend({ precision: 'float32' }));
describeBackend('cpu float32, generic plan loops', () =>
  createCpuBackend({ precision: 'float32', generatedCode: false }),
);
