import { describeBackend } from '../../src/index.js';
import { createPlainBackend } from './plain-backend.js';

// The control: the correct base of the broken backends passes every test.
describeBackend('control: plain number[] backend', () => createPlainBackend(), {
  textbookEpochs: 11,
});
