import { describeBackend } from '@nn/conformance';
import { createGpujsBackend } from '../src/index.js';

describeBackend('gpujs webasm', () => createGpujsBackend({ mode: 'webasm' }));
