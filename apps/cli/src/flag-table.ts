import {
  EXAMPLE_NAMES,
  EXAMPLES,
  type ExampleName,
  HIDDEN_ACTIVATIONS,
  MAX_SEED,
  OPTIMIZERS,
  RNG_KINDS,
} from '@nn/core';
import type { FlagValues, NumberRule } from './flag-values.js';

/** The widest hidden layer. */
export const MAX_WIDTH = 4096;

/** One flag: how parseArgs reads it, how its value is checked, and its help. */
export interface FlagSpec {
  readonly type: 'string' | 'boolean';
  readonly multiple?: boolean;
  /** The value's name in help, e.g. 'N[,N...]'. */
  readonly value?: string;
  /** Help lines, the first beside the flag; choices and bounds are added from the rule. */
  readonly help: readonly string[];
  /** The values it takes, checked and listed in help as 'a | b | c'. */
  readonly choices?: readonly string[];
  /** The numbers it takes (a comma-separated list with `list`), checked and described in help. */
  readonly number?: NumberRule & { readonly list?: boolean };
}

const whole = { integer: true, min: 1 } as const;

/**
 * Every flag of nn's commands, declared once: parseArgs' options, the checks
 * of their values and the help text are all made from this table. The
 * backend flags come from the backends' descriptors.
 */
export const FLAGS = {
  example: {
    type: 'string',
    value: 'NAME',
    choices: EXAMPLE_NAMES,
    help: ['the book example to run (default regression), with its settings:'],
  },
  hidden: {
    type: 'string',
    value: 'N[,N...]',
    number: { ...whole, max: MAX_WIDTH, list: true },
    help: ['hidden layer widths (e.g. 8,8)'],
  },
  activation: {
    type: 'string',
    value: 'NAME',
    choices: HIDDEN_ACTIVATIONS,
    help: ['the hidden layers’ activation'],
  },
  eta: { type: 'string', value: 'X', number: { above: 0 }, help: ['learning rate'] },
  epochs: { type: 'string', value: 'N', number: whole, help: ['epochs'] },
  interval: { type: 'string', value: 'N', number: whole, help: ['report every N epochs'] },
  'batch-size': { type: 'string', value: 'N', number: whole, help: ['samples per update'] },
  'wb-width': {
    type: 'string',
    value: 'X',
    number: { above: 0 },
    help: ['initial weights are X * N(0,1)'],
  },
  optimizer: { type: 'string', value: 'NAME', choices: OPTIMIZERS, help: ['the update rule'] },
  dropout: {
    type: 'string',
    value: 'R',
    number: { min: 0, below: 1 },
    help: ['dropout after each hidden layer (default 0: none)'],
  },
  standardize: {
    type: 'boolean',
    help: ['scale each --data feature column to mean 0, std 1'],
  },
  seed: {
    type: 'string',
    value: 'N',
    number: { integer: true, min: 0, max: MAX_SEED },
    help: ['the random seed (default: random, printed to stderr)'],
  },
  rng: {
    type: 'string',
    value: 'NAME',
    choices: RNG_KINDS,
    help: ['default: core’s own generator (the default); numpy: the NumPy script’s numbers'],
  },
  data: {
    type: 'string',
    value: 'FILE.csv',
    help: [
      'train: regression x,y rows; classification, iris: feature columns,',
      'then a class label (classes numbered in sorted label order;',
      'iris: even rows train, odd rows test).',
      'predict: inputs in the first column(s); a header row is optional',
    ],
  },
  model: { type: 'string', value: 'FILE.json', help: ['a model saved by nn train --save'] },
  x: {
    type: 'string',
    multiple: true,
    value: 'X',
    number: { list: true },
    help: ['an input value; repeat for several (or --x 0.1,0.2)'],
  },
  gif: {
    type: 'string',
    value: 'FILE.gif',
    help: ['animated GIF, one frame per interval and the last epoch'],
  },
  png: {
    type: 'string',
    value: 'FILE.png',
    help: ['the final chart as a PNG (iris: the error curves)'],
  },
  save: { type: 'string', value: 'FILE.json', help: ['the trained model'] },
  json: {
    type: 'boolean',
    help: ['machine output on stdout: JSON (train, predict: one record a line)'],
  },
  quick: { type: 'boolean', help: ['fewer repetitions, a smaller grid'] },
  verbose: { type: 'boolean', help: ['stack traces on errors'] },
} as const satisfies Record<string, FlagSpec>;

export type FlagName = keyof typeof FLAGS;

/** parseArgs' options for `names`. */
export function parseOptions(
  names: readonly FlagName[],
): Record<string, { type: 'string' | 'boolean'; multiple?: boolean }> {
  const options: Record<string, { type: 'string' | 'boolean'; multiple?: boolean }> = {};
  for (const name of names) {
    const spec: FlagSpec = FLAGS[name];
    options[name] = { type: spec.type, ...(spec.multiple ? { multiple: true } : {}) };
  }
  return options;
}

/** A string flag's value checked by its rule: a choice, a number or a list of numbers, or the text. */
export function readFlag(
  flags: FlagValues,
  name: FlagName,
  text: string,
): string | number | number[] {
  const spec: FlagSpec = FLAGS[name];
  if (spec.choices !== undefined) return flags.oneOf(`--${name}`, text, spec.choices);
  if (spec.number === undefined) return text;
  return spec.number.list
    ? flags.numbers(`--${name}`, text, spec.number)
    : flags.number(`--${name}`, text, spec.number);
}

/** Help lines for `names`, the flag and its value at the left, what it takes and its help at the right. */
export function flagHelp(names: readonly FlagName[]): string[] {
  return names.flatMap((name) => {
    const spec: FlagSpec = FLAGS[name];
    const rule =
      spec.choices?.join(' | ') ?? (spec.number === undefined ? '' : bounds(spec.number));
    const [first = '', ...rest] = spec.help;
    const lines = [
      helpLine(
        `--${name}${spec.value ? ` ${spec.value}` : ''}`,
        rule === '' ? first : `${rule}: ${first}`,
      ),
    ];
    for (const line of rest) lines.push(helpLine('', line));
    if (name === 'example')
      lines.push(...EXAMPLE_NAMES.map((example) => helpLine('', `  ${exampleLine(example)}`)));
    return lines;
  });
}

/** A help line: the left part padded to the column where the right part starts. */
export function helpLine(left: string, right: string): string {
  return `  ${left.padEnd(24)} ${right}`.trimEnd();
}

/** One example's book settings in a line, from core's EXAMPLES, e.g. "regression: 1 -> 3 sigmoid -> 1, sgd eta 0.1, …". */
export function exampleLine(name: ExampleName): string {
  const s = EXAMPLES[name].settings;
  const batches = s.batchSize === 1 ? '' : `, batches of ${s.batchSize}`;
  return `${name}: ${s.inputs} -> ${s.hidden.join(',')} ${s.activation} -> ${s.outputs} ${s.outputActivation}, ${s.optimizer} eta ${s.eta}${batches}, ${s.epochs} epochs, reports every ${s.interval}`;
}

function bounds(rule: NumberRule & { list?: boolean }): string {
  const parts = [
    rule.min !== undefined ? `≥ ${rule.min}` : undefined,
    rule.above !== undefined ? `> ${rule.above}` : undefined,
    rule.max !== undefined ? `≤ ${rule.max}` : undefined,
    rule.below !== undefined ? `< ${rule.below}` : undefined,
  ].filter((part) => part !== undefined);
  const kind = rule.integer ? 'whole' : 'number';
  return parts.length === 0 ? '' : `${kind} ${parts.join(', ')}`;
}
