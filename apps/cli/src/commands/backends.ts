import { isNNError } from '@nn/core';
import { CPU_PRECISIONS, GPUJS_MODES } from '../backend-choice.js';
import { CliError } from '../cli-error.js';
import { importGpujs, loadBackend } from '../load-backend.js';
import { writeOut } from '../stdio.js';

interface BackendStatus {
  backend: string;
  mode: string;
  available: boolean;
  /** The mode that runs when asked for this one, where they differ (gpujs fallbacks). */
  runs?: string;
  note?: string;
}

/** `nn backends`: starts every backend and mode once and says which run here, and why not. */
export async function backends(options: { json: boolean }): Promise<void> {
  const statuses: BackendStatus[] = [];
  for (const precision of CPU_PRECISIONS) {
    statuses.push(await probe('cpu', precision, () => loadBackend({ backend: 'cpu', precision })));
  }
  const gpujs = await importGpujs().catch((error: unknown) => error);
  for (const mode of GPUJS_MODES) {
    if (gpujs instanceof Error) {
      const note = gpujs instanceof CliError ? gpujs.message : `cannot load: ${gpujs.message}`;
      statuses.push({ backend: 'gpujs', mode, available: false, note });
    } else {
      statuses.push(await probe('gpujs', mode, () => loadBackend({ backend: 'gpujs', mode })));
    }
  }
  if (options.json) {
    writeOut(`${JSON.stringify({ backends: statuses })}\n`);
    return;
  }
  const rows = statuses.map((s) => [
    s.backend,
    s.mode,
    s.available ? (s.runs !== undefined ? `yes, runs ${s.runs}` : 'yes') : 'no',
    s.note ?? '',
  ]);
  const widths = [0, 1, 2].map((c) =>
    Math.max(...[['backend', 'mode', 'available'], ...rows].map((r) => (r[c] as string).length)),
  );
  for (const row of [['backend', 'mode', 'available', 'notes'], ...rows]) {
    const line = row.map((cell, c) => (c < 3 ? cell.padEnd(widths[c] as number) : cell)).join('  ');
    writeOut(`${line.trimEnd()}\n`);
  }
}

async function probe(
  backend: string,
  mode: string,
  start: () => ReturnType<typeof loadBackend>,
): Promise<BackendStatus> {
  try {
    const instance = await start();
    const { capabilities } = instance;
    instance.destroy();
    return {
      backend,
      mode,
      available: true,
      ...(capabilities.mode !== mode && { runs: capabilities.mode }),
      ...(capabilities.fallbackReason !== undefined && { note: capabilities.fallbackReason }),
    };
  } catch (error) {
    const note = isNNError(error) || error instanceof CliError ? error.message : String(error);
    return { backend, mode, available: false, note };
  }
}
