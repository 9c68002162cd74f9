import { descriptors, loadCatalog, pluginPackages } from './backend-catalog.js';
import { DEFAULT_BACKEND } from './backend-choice.js';
import { helpLine } from './flag-table.js';

/** The help text's Backend part, from the catalog's descriptors. */
export async function backendHelp(): Promise<string> {
  const catalog = await loadCatalog(pluginPackages());
  const all = descriptors(catalog);
  const ids = [...all.map((d) => d.id), 'auto'].join(' | ');
  const lines = [
    'Backend:',
    helpLine(
      '--backend NAME',
      `${ids}, or an installed backend package (default ${DEFAULT_BACKEND})`,
    ),
    ...all.map((d) => helpLine('', `${d.id}: ${d.label}`)),
    helpLine('', 'auto: picks by the probes and the network size (nn backends shows why)'),
  ];
  const seen = new Set<string>();
  for (const descriptor of all) {
    for (const option of descriptor.options) {
      if (seen.has(option.name)) continue;
      seen.add(option.name);
      const takers = all.filter((d) => d.options.some((o) => o.name === option.name));
      lines.push(
        helpLine(
          `--${option.name} NAME`,
          `${takers.map((d) => d.id).join(', ')} only: ${option.values.join(' | ')} (default ${option.default})`,
        ),
        helpLine('', option.help),
      );
    }
  }
  for (const entry of catalog) {
    if ('error' in entry)
      lines.push(helpLine('', `(${entry.packageName} is unavailable: ${entry.error})`));
  }
  return lines.join('\n');
}
