import { type ParseArgsConfig, parseArgs } from 'node:util';
import { UsageError } from './cli-error.js';
import { shorten } from './quote.js';

type OptionSpec = NonNullable<ParseArgsConfig['options']>;
type ParsedFlags<O extends OptionSpec> = ReturnType<
  typeof parseArgs<{ args: string[]; options: O; strict: true; allowPositionals: false }>
>['values'];

/**
 * node:util parseArgs in strict mode, its errors turned into one-line usage
 * errors for `command` (unknown option, missing value, stray argument).
 */
export function parseFlags<const O extends OptionSpec>(
  command: string,
  args: string[],
  options: O,
): ParsedFlags<O> {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new UsageError(describeParseError(error as Error & { code?: string }, command), command);
  }
}

function describeParseError(error: Error & { code?: string }, command: string): string {
  const option = /'(-[^' ]+)/.exec(error.message)?.[1];
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option ${shorten(option ?? '')} for nn ${command}; the options are listed above`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `unexpected argument ${shorten(/'([^']*)'/.exec(error.message)?.[1] ?? '')} for nn ${command}; every value follows its --option`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE': {
      const flag = option?.replace(/ .*/, '');
      if (error.message.includes('ambiguous')) {
        return `${flag} is followed by a value starting with "-"; write ${flag}=VALUE (e.g. ${flag}=-0.5)`;
      }
      if (error.message.includes('does not take')) return `${flag} takes no value`;
      return `${flag} needs a value`;
    }
    default:
      return error.message;
  }
}
