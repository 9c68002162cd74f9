import { describe, expect, it } from 'vitest';
import {
  type BackendDescriptor,
  type BackendProbe,
  backendSettings,
  checkDescriptor,
  chooseBackend,
  isNNError,
  multiplyAdds,
  type ProbedSetting,
  settingName,
} from '../src/index.js';

function descriptor(id: string, values: string[]): BackendDescriptor {
  return {
    id,
    packageName: `@test/${id}`,
    label: id,
    needs: 'nothing',
    options: [{ name: 'mode', values, default: values[0] as string, help: 'where' }],
    probe: async () => ({ available: true }),
    load: async () => {
      throw new Error('not loaded in these tests');
    },
  };
}

const cpu = descriptor('cpu', ['float64', 'float32']);
const gl = descriptor('gl', ['gpu', 'wasm']);

function probed(d: BackendDescriptor, mode: string, probe: BackendProbe): ProbedSetting {
  return { descriptor: d, options: { mode }, probe };
}

const llvmpipe = {
  available: true,
  device: 'llvmpipe',
  software: true,
  speed: { fasterFrom: 500_000, speedup: 1.4, measuredOn: 'a test machine' },
};
const wasm = {
  available: true,
  speed: { fasterFrom: 2_000_000, speedup: 2, measuredOn: 'a test machine' },
};
const settings = [
  probed(cpu, 'float64', { available: true }),
  probed(cpu, 'float32', { available: true }),
  probed(gl, 'gpu', llvmpipe),
  probed(gl, 'wasm', wasm),
];

describe('multiplyAdds', () => {
  it('is batch × Σ fanIn·fanOut', () => {
    expect(multiplyAdds({ widths: [1, 3, 1], batchSize: 1 })).toBe(6);
    expect(multiplyAdds({ widths: [4, 25, 25, 3], batchSize: 8 })).toBe(8 * (100 + 625 + 75));
  });
});

describe('chooseBackend', () => {
  it('picks the first setting (cpu float64) for the textbook network and says why', () => {
    const choice = chooseBackend(settings, { widths: [1, 3, 1], batchSize: 1 });
    expect(settingName(choice.setting)).toBe('cpu float64');
    expect(choice.multiplyAdds).toBe(6);
    expect(choice.reason).toMatch(
      /^6 multiply-adds per step .*cpu float64, as nothing else here measured faster at this size/,
    );
    expect(choice.reason).toContain('gl gpu on llvmpipe is faster only from 500,000');
  });

  it('never picks a software renderer below its crossover', () => {
    const below = chooseBackend(settings, { widths: [1, 249_999, 1], batchSize: 1 });
    expect(below.multiplyAdds).toBe(499_998);
    expect(settingName(below.setting)).toBe('cpu float64');
    const at = chooseBackend(settings, { widths: [1, 250_000, 1], batchSize: 1 });
    expect(settingName(at.setting)).toBe('gl gpu');
    expect(at.reason).toMatch(/500,000 from which gl gpu on llvmpipe measured faster .*1\.4×/);
  });

  it('takes the fastest measured setting when several are past their crossover', () => {
    const choice = chooseBackend(settings, { widths: [1, 1000, 1], batchSize: 1000 });
    expect(settingName(choice.setting)).toBe('gl wasm');
  });

  it('passes over what cannot start, and never an unmeasured or software setting', () => {
    const unmeasured = [
      probed(cpu, 'float64', { available: false, reason: 'broken' }),
      probed(cpu, 'float32', { available: true }),
      probed(gl, 'gpu', { available: true, device: 'llvmpipe', software: true }),
      probed(gl, 'wasm', { available: true, device: 'a real GPU', software: false }),
    ];
    const choice = chooseBackend(unmeasured, { widths: [1, 4096, 1], batchSize: 4096 });
    expect(settingName(choice.setting)).toBe('cpu float32');
    expect(choice.reason).toContain('gl gpu renders in software (llvmpipe)');
    expect(choice.reason).toContain('gl wasm runs on a real GPU, not measured here');
  });

  it('fails with NN_BACKEND_UNAVAILABLE, every reason given, when nothing runs', () => {
    const none = [probed(cpu, 'float64', { available: false, reason: 'no memory' })];
    let error: unknown;
    try {
      chooseBackend(none, { widths: [1, 3, 1], batchSize: 1 });
    } catch (caught) {
      error = caught;
    }
    expect(isNNError(error, 'NN_BACKEND_UNAVAILABLE')).toBe(true);
    expect((error as Error).message).toContain('cpu float64: no memory');
  });
});

describe('backendSettings', () => {
  it('lists every value of every option, the first option slowest', () => {
    const two: BackendDescriptor = {
      ...cpu,
      options: [...cpu.options, { name: 'threads', values: ['1', '2'], default: '1', help: '' }],
    };
    expect(backendSettings(two).map(settingName)).toEqual([
      'cpu float64 1',
      'cpu float64 2',
      'cpu float32 1',
      'cpu float32 2',
    ]);
  });
});

describe('checkDescriptor', () => {
  it('accepts a descriptor and names the first wrong field otherwise', () => {
    expect(checkDescriptor(cpu, 'x')).toBe(cpu);
    const bad = [
      [undefined, 'not an object'],
      [{ ...cpu, id: 'Has Space' }, 'id "Has Space"'],
      [{ ...cpu, load: 1 }, 'load is not a function'],
      [
        { ...cpu, options: [{ name: 'mode', values: ['a'], default: 'b', help: '' }] },
        'option "mode"',
      ],
    ] as const;
    for (const [value, message] of bad) {
      expect(() => checkDescriptor(value, 'pkg')).toThrow(message);
      try {
        checkDescriptor(value, 'pkg');
      } catch (error) {
        expect(isNNError(error, 'NN_INVALID_ARGUMENT')).toBe(true);
      }
    }
  });
});
