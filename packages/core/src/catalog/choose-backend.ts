import { NNError } from '../errors.js';
import type { BackendProbe } from './backend-descriptor.js';
import { type BackendSetting, settingName } from './backend-settings.js';
import { multiplyAdds, type Workload } from './workload.js';

/** A backend setting and what its probe said here. */
export interface ProbedSetting extends BackendSetting {
  readonly probe: BackendProbe;
}

/** What `auto` chose, and why, in a sentence for people. */
export interface AutoChoice {
  readonly setting: ProbedSetting;
  readonly multiplyAdds: number;
  readonly reason: string;
}

/**
 * `auto`: the first setting that runs here (the catalog lists cpu float64
 * first) unless the workload is at or past a setting's measured crossover,
 * then the one measured fastest there. A setting without a measurement is
 * never chosen over the first, so a software GL renderer (measured slower
 * below its crossover) and an unmeasured GPU are picked only by name.
 */
export function chooseBackend(settings: readonly ProbedSetting[], workload: Workload): AutoChoice {
  const work = multiplyAdds(workload);
  const runs = settings.filter((setting) => setting.probe.available);
  const first = runs[0];
  if (first === undefined) {
    const why = settings.map((s) => `${settingName(s)}: ${s.probe.reason ?? 'unavailable'}`);
    throw new NNError(
      'NN_BACKEND_UNAVAILABLE',
      `auto: no backend can start here (${why.join('; ')})`,
    );
  }
  const size = `${work.toLocaleString('en-US')} multiply-adds per step (batch ${workload.batchSize}, layers ${workload.widths.join('-')})`;
  const faster = runs
    .filter((s) => s.probe.speed !== undefined && s.probe.speed.speedup > 1)
    .filter((s) => work >= (s.probe.speed?.fasterFrom ?? Number.POSITIVE_INFINITY))
    .sort((a, b) => (b.probe.speed?.speedup ?? 0) - (a.probe.speed?.speedup ?? 0));
  const best = faster[0];
  if (best?.probe.speed !== undefined && best !== first) {
    const { fasterFrom, speedup, measuredOn } = best.probe.speed;
    return {
      setting: best,
      multiplyAdds: work,
      reason: `${size}, at or past the ${fasterFrom.toLocaleString('en-US')} from which ${settingName(best)}${on(best.probe)} measured faster than ${settingName(first)} (${speedup}× its steps/s, ${measuredOn})`,
    };
  }
  const notes = runs.filter((s) => s !== first).flatMap((s) => note(s, work));
  return {
    setting: first,
    multiplyAdds: work,
    reason: [
      `${size}: ${settingName(first)}, as nothing else here measured faster at this size`,
      ...notes,
    ].join('; '),
  };
}

/** Why a setting that runs was passed over, where that is worth saying. */
function note(setting: ProbedSetting, work: number): string[] {
  const { speed, software, device } = setting.probe;
  const name = settingName(setting);
  if (speed !== undefined) {
    return work < speed.fasterFrom
      ? [
          `${name}${on(setting.probe)} is faster only from ${speed.fasterFrom.toLocaleString('en-US')}`,
        ]
      : [];
  }
  if (software === true)
    return [`${name} renders in software (${device}), with no measured crossover over the cpu`];
  if (software === false)
    return [`${name} runs on ${device}, not measured here: name it to use it`];
  return [];
}

function on(probe: BackendProbe): string {
  return probe.device === undefined ? '' : ` on ${probe.device}`;
}
