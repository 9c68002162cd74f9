import { descriptor as cpu } from '@nn/backend-cpu/descriptor';
import { descriptor as gpujs } from '@nn/backend-gpujs/descriptor';
import { describe, expect, it } from 'vitest';
import type { CatalogEntry } from '../src/backend-catalog.js';
import { backendFlags, readBackendChoice } from '../src/backend-choice.js';
import { CliError, UsageError } from '../src/cli-error.js';
import { FlagValues } from '../src/flag-values.js';

const flags = new FlagValues('train');
const catalog: CatalogEntry[] = [
  { packageName: '@nn/backend-cpu', descriptor: cpu },
  { packageName: '@nn/backend-gpujs', descriptor: gpujs },
];

describe('readBackendChoice', () => {
  it('makes a flag of every option of every descriptor, and reads them against it', () => {
    expect(Object.keys(backendFlags(catalog))).toEqual(['backend', 'precision', 'mode']);
    expect(readBackendChoice(flags, {}, catalog)).toMatchObject({
      auto: false,
      descriptor: cpu,
      options: {},
    });
    expect(
      readBackendChoice(flags, { backend: '@nn/backend-gpujs', mode: 'webasm' }, catalog),
    ).toMatchObject({
      descriptor: gpujs,
      options: { mode: 'webasm' },
    });
    expect(readBackendChoice(flags, { backend: 'auto' }, catalog)).toEqual({
      auto: true,
      catalog: [cpu, gpujs],
    });
  });

  it('says which package is missing when a first-party backend is not installed', () => {
    const withoutGpujs: CatalogEntry[] = [
      catalog[0] as CatalogEntry,
      {
        packageName: '@nn/backend-gpujs',
        error: 'the backend package @nn/backend-gpujs is not installed: …',
        missing: true,
      },
    ];
    expect(() => readBackendChoice(flags, { backend: 'gpujs' }, withoutGpujs)).toThrow(UsageError);
    expect(() => readBackendChoice(flags, { backend: 'gpujs' }, withoutGpujs)).toThrow(
      /--backend "gpujs" is not valid; it must be one of cpu, auto .*\(the backend package @nn\/backend-gpujs is not installed/,
    );
    // Its options are then unknown flags, not another backend's.
    expect(Object.keys(backendFlags(withoutGpujs))).toEqual(['backend', 'precision']);
  });

  it('fails (not as bad usage) on a package that is installed but gives no descriptor', () => {
    const broken: CatalogEntry[] = [
      ...catalog,
      {
        packageName: 'nn-backend-x',
        error: 'nn-backend-x exports no backend descriptor: …',
        missing: false,
      },
    ];
    expect(() => readBackendChoice(flags, { backend: 'nn-backend-x' }, broken)).toThrow(CliError);
    expect(() => readBackendChoice(flags, { backend: 'nn-backend-x' }, broken)).toThrow(
      'nn-backend-x exports no backend descriptor',
    );
  });
});
