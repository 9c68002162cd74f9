import { describeBackend } from '@nn/conformance';
import { createCpuBackend } from '../src/index.js';

describeBackend('cpu float64', () => createCpuBackend());
describeBackend('cpu float32', () => createCpuBackend({ precision: 'float32' }));
