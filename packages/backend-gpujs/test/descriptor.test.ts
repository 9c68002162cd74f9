import { checkDescriptor } from '@nn/core';
import { describe, expect, it } from 'vitest';
import { descriptor } from '../src/descriptor.js';
import { GPUJS_MODE_CHOICES } from '../src/modes.js';

// The global setup gives headless-gl an X display (Xvfb: Mesa's llvmpipe, a software renderer).
describe('the gpujs descriptor', () => {
  it('is a valid descriptor whose mode option is the one mode list', () => {
    expect(checkDescriptor(descriptor, '@nn/backend-gpujs')).toBe(descriptor);
    expect(descriptor.options.map((o) => o.values)).toEqual([GPUJS_MODE_CHOICES]);
  });

  it('probes headless-gl with the driver’s renderer string and calls llvmpipe software', async () => {
    const probe = await descriptor.probe({ mode: 'headlessgl' });
    expect(probe).toMatchObject({ available: true, software: true });
    expect(probe.device).toMatch(/llvmpipe/);
    // No measured crossover over cpu on software GL: auto never picks it.
    expect(probe.speed).toBeUndefined();
  });

  it('says why a mode cannot run here, and which mode auto runs', async () => {
    expect(await descriptor.probe({ mode: 'webgl2' })).toMatchObject({
      available: false,
      reason: expect.stringContaining('only in browsers'),
    });
    // Xvfb's GL is Mesa's llvmpipe: auto passes over software rendering to webasm.
    expect(await descriptor.probe({ mode: 'auto' })).toMatchObject({
      available: true,
      note: expect.stringMatching(
        /^runs webasm because headlessgl renders in software \(.*llvmpipe/,
      ),
    });
    expect(await descriptor.probe({ mode: 'cuda' })).toMatchObject({ available: false });
  });

  it('loads the mode asked for', async () => {
    const backend = await descriptor.load({ mode: 'webasm' });
    expect(backend.capabilities).toMatchObject({ mode: 'webasm', precision: 'float32' });
    backend.destroy();
  });
});
