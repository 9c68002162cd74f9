import { EXAMPLES } from '@nn/core';
import { backendHelp } from './backend-help.js';
import { type FlagName, flagHelp, helpLine } from './flag-table.js';

export const BACKENDS = (): string => `Usage: nn backends [--backend PACKAGE] [--json]

Lists every backend and setting, whether it starts here (and on what: the GL
renderer, software or not), and if not, why; then what --backend auto picks
for the textbook run, and why ({ backends, auto } with --json).
${helpLine('--backend PACKAGE', 'also list this installed backend package (a plug-in)')}
${flagHelp(['json', 'verbose']).join('\n')}

Plug-ins: NN_BACKENDS=pkg-a,pkg-b lists (and lets --backend take) those
packages too; each exports a descriptor from PKG/descriptor.`;

export const BENCH = (): string => `Usage: nn bench [--quick] [--json]

Times the textbook run on backend-cpu beside a hand-written loop and the NumPy
script, then training steps over hidden widths × batch sizes on every backend
(cpu float64/float32, gpujs headlessgl/webasm), and prints the tables.
${flagHelp(['quick', 'json', 'verbose']).join('\n')}`;

/** `nn train`'s help: its sections of the flag table, the examples from core's EXAMPLES. */
export async function train(): Promise<string> {
  const backend = await backendHelp();
  const book = EXAMPLES.regression.settings;
  const section = (title: string, names: readonly FlagName[]) =>
    [title, ...flagHelp(names)].join('\n');
  return [
    `Usage: nn train [options]

With no options, the textbook run: ${book.inputs} -> ${book.hidden.join(',')} ${book.activation} -> ${book.outputs}, eta ${book.eta}, ${book.epochs} epochs,
printing "Epoch:i/${book.epochs} Error:e" every ${book.interval} epochs.`,
    section("Examples (each flag's default is the example's, the book's setting):", ['example']),
    section('Network and training:', [
      'hidden',
      'activation',
      'eta',
      'epochs',
      'interval',
      'batch-size',
      'wb-width',
      'optimizer',
      'dropout',
      'seed',
      'rng',
      'data',
      'standardize',
    ]),
    backend,
    section('Output:', ['gif', 'png', 'save', 'json', 'verbose']),
  ].join('\n\n');
}

export async function predict(): Promise<string> {
  const backend = await backendHelp();
  return [
    `Usage: nn predict --model FILE.json (--x X [--x X...] | --data FILE.csv) [options]

Prints CSV rows: the inputs, then the outputs.`,
    flagHelp(['model', 'x', 'data', 'json', 'verbose']).join('\n'),
    backend,
  ].join('\n\n');
}
