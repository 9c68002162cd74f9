import {
  type Backend,
  type BackendLoadContext,
  chooseBackend,
  type ProbedSetting,
  type Workload,
} from '@nn/core';
import { AUTO, type BackendId, PAGE_BACKENDS, pageBackend } from './backend-catalog.js';
import type { BackendInfo } from './protocol.js';

export interface LoadedBackend {
  backend: Backend;
  info: BackendInfo;
}

/**
 * Starts the chosen backend; a backend's code is imported only here, so
 * gpu.js is fetched only when chosen. `auto` probes the page's backends (in
 * the browser, without loading them) and picks for `workload`; its reason
 * travels with the backend for the page to show. A setting that cannot start
 * falls back to its backend's defaults (gpujs: mode auto), and says why.
 * `kernelSliceMs` (main thread) has gpu.js run its kernel calls in slices.
 */
export async function loadBackend(
  id: BackendId,
  workload: Workload,
  kernelSliceMs?: number,
): Promise<LoadedBackend> {
  const context: BackendLoadContext = kernelSliceMs === undefined ? {} : { sliceMs: kernelSliceMs };
  if (id === AUTO) {
    const choice = chooseBackend(await probes(), workload);
    const { descriptor, options } = choice.setting;
    return describe(id, await descriptor.load(options, context), { autoReason: choice.reason });
  }
  const page = pageBackend(id);
  if (page === undefined) throw new RangeError(`backend: "${id}" is not one the page offers`);
  const { descriptor, options } = page.setting;
  const probe = await descriptor.probe(options);
  if (probe.available) return describe(id, await descriptor.load(options, context));
  const asked = descriptor.options.map((o) => `${o.name} '${options[o.name]}'`).join(', ');
  const started = `${descriptor.id} ${asked} cannot start: ${probe.reason ?? 'unavailable'}`;
  const loaded = describe(id, await descriptor.load({}, context));
  const also = loaded.info.fallbackReason;
  loaded.info.fallbackReason = also === undefined ? started : `${started}; ${also}`;
  return loaded;
}

let probed: Promise<ProbedSetting[]> | undefined;

/** The page's backends probed once per page (or worker): what runs here does not change. */
function probes(): Promise<ProbedSetting[]> {
  probed ??= (async () => {
    const all: ProbedSetting[] = [];
    for (const { setting } of PAGE_BACKENDS) {
      all.push({ ...setting, probe: await setting.descriptor.probe(setting.options) });
    }
    return all;
  })();
  return probed;
}

function describe(
  id: BackendId,
  backend: Backend,
  extra: { autoReason?: string } = {},
): LoadedBackend {
  const { mode, precision, fallbackReason } = backend.capabilities;
  return {
    backend,
    info: {
      id,
      name: backend.name,
      mode,
      precision,
      ...(fallbackReason === undefined ? {} : { fallbackReason }),
      ...extra,
    },
  };
}
