import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runNn, tempDir } from './run-nn.js';

/** A usage error: the usage on stderr, then one line naming the problem; exit 2, nothing on stdout. */
async function expectUsageError(
  args: string[],
  message: RegExp,
  usage = /^Usage: nn /,
): Promise<void> {
  const { code, stdout, stderr } = await runNn(args);
  expect(code, stderr).toBe(2);
  expect(stdout).toBe('');
  expect(stderr).toMatch(usage);
  const last = stderr.trimEnd().split('\n').at(-1) as string;
  expect(last).toMatch(/^nn: /);
  expect(last).toMatch(message);
}

describe.concurrent('usage errors (exit 2, nothing trained)', () => {
  it.each([
    [['fly'], /unknown command "fly"; the commands are train, predict, backends, bench/],
    [[], /name a command/],
  ])('nn %j', async (args, message) => {
    await expectUsageError(args, message, /^Usage: nn <command>/);
  });

  it.each([
    [['--bogus'], /unknown option --bogus for nn train/],
    [['extra'], /unexpected argument extra/],
    [['--eta'], /--eta needs a value/],
    [['--eta', '-1'], /--eta is followed by a value starting with "-"/],
    [['--json=yes'], /--json takes no value/],
    [['--eta', 'fast'], /--eta "fast" is not valid; it must be a number > 0/],
    [['--eta=-0.1'], /--eta "-0.1" is not valid; it must be a number > 0/],
    [['--eta', '0x10'], /--eta "0x10" is not valid/],
    [['--epochs', '1.5'], /--epochs "1.5" is not valid; it must be a whole number ≥ 1/],
    [['--epochs', '0'], /--epochs "0" is not valid/],
    [['--interval', 'Infinity'], /--interval "Infinity" is not valid/],
    [['--batch-size', ''], /--batch-size "" is not valid/],
    [['--wb-width', '0'], /--wb-width "0" is not valid; it must be a number > 0/],
    [
      ['--hidden', '3,x'],
      /--hidden "3,x" is not valid; it must be a comma-separated list of whole numbers ≥ 1/,
    ],
    [['--hidden', '0'], /--hidden "0" is not valid/],
    [
      ['--activation', 'softmax'],
      /--activation "softmax" is not valid; it must be one of sigmoid, tanh, relu/,
    ],
    [
      ['--seed', '4294967296'],
      /--seed "4294967296" is not valid; it must be a whole number ≥ 0 and ≤ 4294967295/,
    ],
    [['--rng', 'mt'], /--rng "mt" is not valid; it must be one of default, numpy/],
    [
      ['--gif', 'many.gif', '--interval', '1'],
      /--gif would hold 2001 frames \(one per --interval epochs\); at most 500: use --interval 5 or more/,
    ],
    [['--backend', 'tpu'], /--backend "tpu" is not valid; it must be one of cpu, gpujs/],
    [
      ['--precision', 'float16'],
      /--precision "float16" is not valid; it must be one of float64, float32/,
    ],
    [['--mode', 'webgl'], /--mode is for --backend gpujs/],
    [
      ['--backend', 'gpujs', '--mode', 'cuda'],
      /--mode "cuda" is not valid; it must be one of auto, headlessgl/,
    ],
    [['--backend', 'gpujs', '--precision', 'float64'], /--precision is for --backend cpu/],
    [
      ['--gif', 'a.gif', '--png', 'a.gif'],
      /--png a\.gif is the same file as --gif a\.gif; name different files/,
    ],
  ])('nn train %j', async (args, message) => {
    await expectUsageError(['train', ...args], message, /^Usage: nn train/);
  });

  it.each([
    [[], /--model FILE.json is required/],
    [['--model', 'm.json'], /either --x or --data/],
    [['--model', 'm.json', '--x', '1', '--data', 'd.csv'], /either --x or --data/],
    [['--model', 'm.json', '--x', 'one'], /--x "one" is not valid/],
  ])('nn predict %j', async (args, message) => {
    await expectUsageError(['predict', ...args], message, /^Usage: nn predict/);
  });

  it('nn backends and nn bench reject unknown options too', async () => {
    await expectUsageError(
      ['backends', '--all'],
      /unknown option --all for nn backends/,
      /^Usage: nn backends/,
    );
    await expectUsageError(
      ['bench', '--slow'],
      /unknown option --slow for nn bench/,
      /^Usage: nn bench/,
    );
  });
});

/** A failure: one line "nn: ..." on stderr, exit 1, nothing on stdout. */
async function expectFailure(args: string[], message: RegExp, cwd?: string): Promise<void> {
  const { code, stdout, stderr } = await runNn(args, { cwd });
  expect(code, stderr).toBe(1);
  expect(stdout).toBe('');
  const errorLines = stderr
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('nn: seed '));
  expect(errorLines).toHaveLength(1);
  expect(errorLines[0]).toMatch(message);
}

describe('failures (exit 1, one clear line)', () => {
  const dir = tempDir();
  const file = (name: string, text: string): string => {
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  };

  it('names the file, line and column of a bad CSV cell', async () => {
    const csv = file('bad-cell.csv', 'x,y\n0.1,0.2\n0.3, abc\n');
    await expectFailure(
      ['train', '--data', csv],
      new RegExp(`^nn: ${csv}:3:6: "abc" is not a finite number$`),
    );
  });

  it('names the line of a CSV row with the wrong number of columns, and an empty or missing file', async () => {
    await expectFailure(
      ['train', '--data', file('wide.csv', '1,2\n3,4,5\n')],
      /wide\.csv:2:1: found 3 columns, expected 2/,
    );
    await expectFailure(
      ['train', '--data', file('empty.csv', 'x,y\n\n')],
      /empty\.csv: no data rows/,
    );
    await expectFailure(
      ['train', '--data', join(dir, 'missing.csv')],
      /^nn: cannot read .*missing\.csv: ENOENT/,
    );
  });

  it('fails before training when an output cannot be written, and writes nothing', async () => {
    await expectFailure(
      ['train', '--gif', join(dir, 'no-such-folder', 'fit.gif')],
      /--gif .*fit\.gif: cannot write there \(its folder does not exist\)/,
    );
    mkdirSync(join(dir, 'a-folder'));
    await expectFailure(
      ['train', '--save', join(dir, 'a-folder')],
      /--save .*a-folder: is a folder; name a file/,
    );
  });

  it('stops a diverging run with the epoch and the advice to lower eta', async () => {
    const { code, stdout, stderr } = await runNn([
      'train',
      '--eta',
      '100',
      '--seed',
      '1',
      '--epochs',
      '50',
    ]);
    expect(code).toBe(1);
    expect(stdout).toBe('Epoch:0/50 Error:1.4524908604457332e+245\n');
    expect(stderr.trim()).toBe(
      'nn: training diverged: the loss became Infinity at epoch 1; lower the learning rate (eta), e.g. to a tenth, or scale the data (this run: --eta 100)',
    );
  });

  it('gives the reason a model file fails validation', async () => {
    await expectFailure(
      ['predict', '--model', file('not-json.json', '{'), '--x', '1'],
      /^nn: model: it is not JSON/,
    );
    await expectFailure(
      [
        'predict',
        '--model',
        file('wrong.json', '{"format":"nn-model","version":1,"layers":[]}'),
        '--x',
        '1',
      ],
      /^nn: model: "layers" must be a non-empty array/,
    );
    await expectFailure(
      [
        'predict',
        '--model',
        file('future.json', '{"format":"nn-model","version":9,"layers":[]}'),
        '--x',
        '1',
      ],
      /^nn: model: version 9 is not supported/,
    );
    await expectFailure(
      ['predict', '--model', join(dir, 'none.json'), '--x', '1'],
      /^nn: cannot read .*none\.json/,
    );
  });

  it('leaves no temporary files behind after a failure', () => {
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('prints the stack only with --verbose', async () => {
    const csv = join(dir, 'missing.csv');
    const quiet = await runNn(['train', '--data', csv]);
    expect(quiet.stderr).not.toMatch(/\n\s+at /);
    const verbose = await runNn(['train', '--data', csv, '--verbose']);
    expect(verbose.code).toBe(1);
    expect(verbose.stderr).toMatch(/CliError: cannot read .*\n\s+at /);
  });
});
