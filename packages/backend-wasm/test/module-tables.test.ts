import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  ACTIVATION_CODES,
  BINARY_CODES,
  LAYER_CODES,
  LOSS_CODES,
  OPTIMIZER_CODES,
  UNARY_CODES,
} from '../src/codes.js';
import { H, HEADER_WORDS, L, LAYER_WORDS } from '../src/plan/compile-plan.js';

/** `const NAME = number;` declarations of an AssemblyScript source, by name. */
function constants(source: string): Record<string, number> {
  const found: Record<string, number> = {};
  for (const [, name, value] of source.matchAll(/const ([A-Z][A-Z0-9_]*) = (\d+);/g)) {
    found[name as string] = Number(value);
  }
  return found;
}

const assembly = (file: string): string =>
  readFileSync(new URL(`../assembly/${file}`, import.meta.url), 'utf8');

/** sumOfSquares → SUM_OF_SQUARES, state2W → STATE2_W, in → IN. */
const upperSnake = (name: string): string => name.replace(/([A-Z])/g, '_$1').toUpperCase();

const byModuleName = (table: Record<string, number>): Record<string, number> =>
  Object.fromEntries(Object.entries(table).map(([name, code]) => [upperSnake(name), code]));

describe('the tables both sides of the module boundary keep', () => {
  it("give core's kinds the numbers assembly/codes.ts gives them", () => {
    const codes = constants(assembly('codes.ts'));
    for (const table of [
      ACTIVATION_CODES,
      LOSS_CODES,
      UNARY_CODES,
      BINARY_CODES,
      OPTIMIZER_CODES,
      LAYER_CODES,
    ]) {
      expect(codes).toMatchObject(byModuleName(table));
    }
  });

  it("lay the plan's descriptor out as assembly/plan.ts reads it", () => {
    const [header = '', layer = ''] = assembly('plan.ts').split('// Layer record words.');
    expect(constants(header)).toEqual({ ...byModuleName(H), HEADER_WORDS });
    expect(constants(layer)).toMatchObject({ ...byModuleName(L), LAYER_WORDS });
  });
});
