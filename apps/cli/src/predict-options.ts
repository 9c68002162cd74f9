import { BACKEND_FLAGS, type BackendChoice, readBackendChoice } from './backend-choice.js';
import { FlagValues } from './flag-values.js';
import { parseFlags } from './parse-flags.js';

export interface PredictOptions {
  model: string;
  /** Inputs from --x; undefined when they come from --data. */
  x: number[] | undefined;
  data: string | undefined;
  backend: BackendChoice;
  json: boolean;
}

/** Parses and checks `nn predict`'s flags: a model and exactly one source of inputs. */
export function readPredictOptions(args: string[]): PredictOptions {
  const values = parseFlags('predict', args, {
    model: { type: 'string' },
    x: { type: 'string', multiple: true },
    data: { type: 'string' },
    ...BACKEND_FLAGS,
    json: { type: 'boolean' },
    verbose: { type: 'boolean' },
  });
  const flags = new FlagValues('predict');
  if (values.model === undefined || values.model === '')
    throw flags.fail('--model FILE.json is required');
  if ((values.x === undefined) === (values.data === undefined)) {
    throw flags.fail('pass the inputs with either --x or --data, one of them');
  }
  return {
    model: values.model,
    x: values.x?.flatMap((text) => flags.numbers('--x', text, {})),
    data: values.data,
    backend: readBackendChoice(flags, values),
    json: values.json ?? false,
  };
}
