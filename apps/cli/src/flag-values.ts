import { UsageError } from './cli-error.js';
import { isDecimal } from './decimal.js';
import { quote } from './quote.js';

export interface NumberRule {
  integer?: boolean;
  /** Smallest allowed value (inclusive). */
  min?: number;
  /** Values must be above this (exclusive). */
  above?: number;
  max?: number;
  /** Values must be below this (exclusive). */
  below?: number;
}

/** Reads flag values for one command, failing with a usage error that names the flag and what it allows. */
export class FlagValues {
  constructor(readonly command: string) {}

  number(flag: string, text: string, rule: NumberRule): number {
    const value = isDecimal(text.trim()) ? Number(text) : Number.NaN;
    const ok =
      Number.isFinite(value) &&
      (!rule.integer || Number.isInteger(value)) &&
      (rule.min === undefined || value >= rule.min) &&
      (rule.above === undefined || value > rule.above) &&
      (rule.max === undefined || value <= rule.max) &&
      (rule.below === undefined || value < rule.below);
    if (!ok) throw this.fail(`${flag} ${quote(text)} is not valid; it must be ${describe(rule)}`);
    return value;
  }

  /** A comma-separated list of numbers, e.g. --hidden 8,8. */
  numbers(flag: string, text: string, rule: NumberRule): number[] {
    return text.split(',').map((part) => {
      try {
        return this.number(flag, part, rule);
      } catch {
        throw this.fail(
          `${flag} ${quote(text)} is not valid; it must be a comma-separated list of ${describe(rule, true)}`,
        );
      }
    });
  }

  oneOf<T extends string>(flag: string, text: string, allowed: readonly T[]): T {
    if (!(allowed as readonly string[]).includes(text)) {
      throw this.fail(
        `${flag} ${quote(text)} is not valid; it must be one of ${allowed.join(', ')}`,
      );
    }
    return text as T;
  }

  fail(message: string): UsageError {
    return new UsageError(message, this.command);
  }
}

function describe(rule: NumberRule, plural = false): string {
  const kind = `${plural ? '' : 'a '}${rule.integer ? 'whole number' : 'number'}${plural ? 's' : ''}`;
  const bounds = [
    rule.min !== undefined ? `≥ ${rule.min}` : undefined,
    rule.above !== undefined ? `> ${rule.above}` : undefined,
    rule.max !== undefined ? `≤ ${rule.max}` : undefined,
    rule.below !== undefined ? `< ${rule.below}` : undefined,
  ].filter((bound) => bound !== undefined);
  return bounds.length > 0 ? `${kind} ${bounds.join(' and ')}` : kind;
}
