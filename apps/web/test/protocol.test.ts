import { describe, expect, it } from 'vitest';
import { isTrainerRequest } from '../src/protocol.js';
import { DEFAULT_SETTINGS } from '../src/settings.js';

describe('isTrainerRequest', () => {
  const data = { x: new Float64Array(2), t: new Float64Array(2) };

  it('accepts every request the page sends', () => {
    for (const request of [
      { type: 'configure', settings: DEFAULT_SETTINGS, data },
      { type: 'configure', settings: DEFAULT_SETTINGS },
      { type: 'play' },
      { type: 'pause' },
      { type: 'step' },
      { type: 'switch-backend', backend: 'gpujs-webgl' },
      { type: 'switch-backend', backend: 'gpujs-webgpu' },
      { type: 'export-model' },
      { type: 'import-model', text: '{}' },
    ]) {
      expect(isTrainerRequest(structuredClone(request))).toBe(true);
    }
  });

  it('refuses malformed messages', () => {
    for (const message of [
      null,
      'play',
      { type: 'fly' },
      { type: 'configure', settings: DEFAULT_SETTINGS, data: { x: [1], t: [1] } },
      {
        type: 'configure',
        settings: DEFAULT_SETTINGS,
        data: { x: data.x, t: new Float64Array(3) },
      },
      { type: 'configure', data },
      { type: 'configure', settings: DEFAULT_SETTINGS, data: null },
      { type: 'switch-backend', backend: 'webgpu' },
      { type: 'import-model', text: {} },
    ]) {
      expect(isTrainerRequest(message)).toBe(false);
    }
  });
});
