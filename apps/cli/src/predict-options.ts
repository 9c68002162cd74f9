import {
  type BackendChoice,
  backendFlags,
  catalogFor,
  readBackendChoice,
} from './backend-choice.js';
import { type FlagName, parseOptions, readFlag } from './flag-table.js';
import { FlagValues } from './flag-values.js';
import { parseFlags } from './parse-flags.js';

/** `nn predict`'s own flags, in the table's terms; the backend's come from the catalog. */
export const PREDICT_FLAGS = [
  'model',
  'x',
  'data',
  'json',
  'verbose',
] as const satisfies readonly FlagName[];

export interface PredictOptions {
  model: string;
  /** Inputs from --x; undefined when they come from --data. */
  x: number[] | undefined;
  data: string | undefined;
  backend: BackendChoice;
  json: boolean;
}

/** Parses and checks `nn predict`'s flags: a model and exactly one source of inputs. */
export async function readPredictOptions(args: string[]): Promise<PredictOptions> {
  const catalog = await catalogFor(args);
  const values = parseFlags('predict', args, {
    ...parseOptions(PREDICT_FLAGS),
    ...backendFlags(catalog),
  }) as Record<string, string | string[] | boolean | undefined>;
  const flags = new FlagValues('predict');
  const model = values.model as string | undefined;
  const x = values.x as string[] | undefined;
  if (model === undefined || model === '') throw flags.fail('--model FILE.json is required');
  if ((x === undefined) === (values.data === undefined)) {
    throw flags.fail('pass the inputs with either --x or --data, one of them');
  }
  return {
    model,
    x: x?.flatMap((text) => readFlag(flags, 'x', text) as number[]),
    data: values.data as string | undefined,
    backend: readBackendChoice(flags, values, catalog),
    json: values.json === true,
  };
}
