import {
  type AutoChoice,
  type Backend,
  type BackendDescriptor,
  backendSettings,
  chooseBackend,
  type ProbedSetting,
  settingName,
  type Workload,
} from '@nn/core';
import type { BackendChoice } from './backend-choice.js';
import { writeErr } from './stdio.js';

/**
 * Starts the chosen backend; heavy packages load only here. `auto` probes
 * the catalog, picks for `workload` and says on stderr what and why.
 */
export async function loadBackend(choice: BackendChoice, workload: Workload): Promise<Backend> {
  if (!choice.auto) return choice.descriptor.load(choice.options);
  const picked = await chooseAuto(choice.catalog, workload);
  writeErr(`nn: --backend auto runs ${settingName(picked.setting)}: ${picked.reason}\n`);
  return picked.setting.descriptor.load(picked.setting.options);
}

/** auto's pick among every setting of `catalog`, each probed here. */
export async function chooseAuto(
  catalog: readonly BackendDescriptor[],
  workload: Workload,
): Promise<AutoChoice> {
  return chooseBackend(await probeSettings(catalog, { skipAuto: true }), workload);
}

/**
 * Every setting of every descriptor with its probe, one at a time (GL
 * contexts are not opened side by side). skipAuto leaves out settings with
 * an option set to 'auto' (gpujs's mode), which only repeat another one.
 */
export async function probeSettings(
  catalog: readonly BackendDescriptor[],
  options: { skipAuto: boolean },
): Promise<ProbedSetting[]> {
  const probed: ProbedSetting[] = [];
  for (const descriptor of catalog) {
    for (const setting of backendSettings(descriptor)) {
      if (options.skipAuto && Object.values(setting.options).includes('auto')) continue;
      const probe = await descriptor.probe(setting.options).catch((error: unknown) => ({
        available: false,
        reason: `its probe failed: ${(error as Error).message}`,
      }));
      probed.push({ ...setting, probe });
    }
  }
  return probed;
}
