import { readFileSync } from 'node:fs';
import { CliError, StdoutClosed, UsageError } from './cli-error.js';
import { parseFlags } from './parse-flags.js';
import { quote } from './quote.js';
import { writeErr, writeOut } from './stdio.js';
import { usage } from './usage.js';

const COMMANDS = ['train', 'predict', 'backends', 'bench'] as const;
type Command = (typeof COMMANDS)[number];

/**
 * Runs `nn` with argv (without node and the script) and returns the exit
 * code: 0 done, 1 failed, 2 bad usage. Only this file, the usage text and
 * flag parsing load up front; each command's modules load when it runs.
 */
export async function main(argv: string[]): Promise<number> {
  const [first, ...rest] = argv;
  const verbose = argv.includes('--verbose');
  const command = (COMMANDS as readonly string[]).includes(first ?? '')
    ? (first as Command)
    : undefined;
  try {
    if (first === '-v' || first === '--version') {
      writeOut(`${version()}\n`);
      return 0;
    }
    if (first === '-h' || first === '--help' || (command !== undefined && wantsHelp(rest))) {
      writeOut(`${await usage(command)}\n`);
      return 0;
    }
    if (first === undefined)
      throw new UsageError(`name a command: ${COMMANDS.join(', ')}`, undefined);
    if (command === undefined) {
      throw new UsageError(
        `unknown command ${quote(first)}; the commands are ${COMMANDS.join(', ')}`,
        undefined,
      );
    }
    await run(command, rest);
    return 0;
  } catch (error) {
    return await report(error, verbose);
  }
}

async function run(command: Command, args: string[]): Promise<void> {
  switch (command) {
    case 'train': {
      const options = await (await import('./train-options.js')).readTrainOptions(args);
      await (await import('./commands/train.js')).train(options);
      return;
    }
    case 'predict': {
      const options = await (await import('./predict-options.js')).readPredictOptions(args);
      await (await import('./commands/predict.js')).predict(options);
      return;
    }
    case 'backends': {
      const { parseOptions } = await import('./flag-table.js');
      const values: Record<string, unknown> = parseFlags('backends', args, {
        backend: { type: 'string' },
        ...parseOptions(['json', 'verbose']),
      });
      const { catalogFor } = await import('./backend-choice.js');
      await (await import('./commands/backends.js')).backends({
        json: values.json === true,
        catalog: await catalogFor(args),
      });
      return;
    }
    case 'bench': {
      const { parseOptions } = await import('./flag-table.js');
      const values: Record<string, unknown> = parseFlags(
        'bench',
        args,
        parseOptions(['quick', 'json', 'verbose']),
      );
      await (await import('./commands/bench.js')).bench({
        quick: values.quick === true,
        json: values.json === true,
      });
      return;
    }
  }
}

// Help wins over every other flag, but not over a value: `--data --help` is a file named --help.
function wantsHelp(args: string[]): boolean {
  return args.some((arg) => arg === '--help' || arg === '-h');
}

async function report(error: unknown, verbose: boolean): Promise<number> {
  // The reader of stdout has gone (`nn train | head -1`): stop, quietly.
  if (error instanceof StdoutClosed) return 0;
  if (error instanceof UsageError) {
    writeErr(`${await usage(error.command)}\n\nnn: ${oneLine(error.message)}\n`);
    return 2;
  }
  const known = error instanceof CliError || (error instanceof Error && error.name === 'NNError');
  const message = error instanceof Error ? error.message : String(error);
  if (verbose && error instanceof Error && error.stack !== undefined) {
    writeErr(`${error.stack}\n`);
  } else {
    const hint = known ? '' : ' (run with --verbose for the stack trace)';
    writeErr(`nn: ${known ? '' : 'unexpected error: '}${oneLine(message)}${hint}\n`);
  }
  return 1;
}

/** Messages quote what they were given; a value they quote whole (a 10 MB model field) is cut in the middle. */
function oneLine(message: string): string {
  const keep = 500;
  if (message.length <= 2 * keep) return message;
  return `${message.slice(0, keep)}… (${message.length - 2 * keep} characters cut) …${message.slice(-keep)}`;
}

function version(): string {
  const { version } = JSON.parse(
    readFileSync(new URL('../package.json', import.meta.url), 'utf8'),
  ) as {
    version: string;
  };
  return version;
}
