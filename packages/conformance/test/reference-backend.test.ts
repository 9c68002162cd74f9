import { describeBackend } from '../src/index.js';
import { createReferenceBackend } from '../src/reference-backend.js';

describeBackend('reference', () => createReferenceBackend());
