import { describeBackend } from '@nn/conformance';
import { expect, it } from 'vitest';
import { createGpujsBackend } from '../../src/index.js';
import { softwareRenderer } from '../../src/mode-availability.js';

it('auto runs WebGL2 in this browser, unless it renders in software (SwiftShader here), and then says why', () => {
  const backend = createGpujsBackend();
  const software = softwareRenderer('webgl2');
  if (software === undefined) {
    expect(backend.capabilities.mode).toBe('webgl2');
    expect(backend.capabilities.fallbackReason).toBeUndefined();
  } else {
    expect(backend.capabilities.mode).toBe('webasm');
    expect(backend.capabilities.fallbackReason).toBe(
      `runs webasm because webgl2 renders in software (${software}); webgl renders in software (${softwareRenderer('webgl')})`,
    );
  }
  backend.destroy();
});

describeBackend('gpujs webgl2', () => createGpujsBackend({ mode: 'webgl2' }), {
  textbookEpochs: 201,
});
