import { EXAMPLES, settingName, type Workload } from '@nn/core';
import { type CatalogEntry, descriptors } from '../backend-catalog.js';
import { chooseAuto, probeSettings } from '../load-backend.js';
import { writeOut } from '../stdio.js';

interface BackendStatus {
  backend: string;
  /** The setting's option values, e.g. 'float64' or 'webasm'; '' for a backend without options. */
  mode: string;
  available: boolean;
  /** What it would run on, where that matters (the GL renderer), and whether that is software. */
  device?: string;
  software?: boolean;
  /** Why it cannot run, or what else is worth knowing (a fallback). */
  note?: string;
}

/** The textbook network, the workload `nn train` runs with no options. */
const BOOK = EXAMPLES.regression.settings;
const DEFAULT_WORKLOAD: Workload = {
  widths: [BOOK.inputs, ...BOOK.hidden, BOOK.outputs],
  batchSize: BOOK.batchSize,
};

/**
 * `nn backends`: probes every backend and setting of the catalog, says which
 * run here and why not, and what `--backend auto` picks for the textbook run.
 */
export async function backends(options: {
  json: boolean;
  catalog: readonly CatalogEntry[];
}): Promise<void> {
  const all = descriptors(options.catalog);
  const probed = await probeSettings(all, { skipAuto: false });
  const statuses: BackendStatus[] = probed.map(({ descriptor, options: values, probe }) => ({
    backend: descriptor.id,
    mode: descriptor.options.map((o) => values[o.name]).join(' '),
    available: probe.available,
    ...(probe.device === undefined ? {} : { device: probe.device }),
    ...(probe.software === undefined ? {} : { software: probe.software }),
    ...(probe.reason === undefined && probe.note === undefined
      ? {}
      : { note: probe.reason ?? probe.note }),
  }));
  for (const entry of options.catalog) {
    if ('error' in entry) {
      statuses.push({ backend: entry.packageName, mode: '', available: false, note: entry.error });
    }
  }
  const choice = await chooseAuto(all, DEFAULT_WORKLOAD).catch((error: Error) => error);
  const auto =
    choice instanceof Error
      ? { error: choice.message }
      : {
          backend: choice.setting.descriptor.id,
          options: choice.setting.options,
          multiplyAdds: choice.multiplyAdds,
          reason: choice.reason,
        };
  if (options.json) {
    writeOut(`${JSON.stringify({ backends: statuses, auto })}\n`);
    return;
  }
  const rows = statuses.map((s) => [
    s.backend,
    s.mode,
    s.available ? 'yes' : 'no',
    [s.device === undefined ? '' : `on ${s.device}${s.software ? ' (software)' : ''}`, s.note ?? '']
      .filter((part) => part !== '')
      .join('; '),
  ]);
  const widths = [0, 1, 2].map((c) =>
    Math.max(...[['backend', 'mode', 'available'], ...rows].map((r) => (r[c] as string).length)),
  );
  for (const row of [['backend', 'mode', 'available', 'notes'], ...rows]) {
    const line = row.map((cell, c) => (c < 3 ? cell.padEnd(widths[c] as number) : cell)).join('  ');
    writeOut(`${line.trimEnd()}\n`);
  }
  writeOut(
    choice instanceof Error
      ? `\nauto: ${choice.message}\n`
      : `\nauto picks ${settingName(choice.setting)} for the textbook run: ${choice.reason}\n`,
  );
}
