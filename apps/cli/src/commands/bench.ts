import { CliError } from '../cli-error.js';

interface BenchModule {
  runTextbookBench(options?: { quick?: boolean }): Promise<unknown>;
  formatTextbookBench(result: unknown): string;
}

// Loaded by name at run time: the benchmark harness is a tool of the repo, not
// needed to train or predict.
const BENCH_PACKAGE = '@nn/bench';

/** `nn bench`: the repo's textbook benchmark, as a table or as JSON. */
export async function bench(options: { quick: boolean; json: boolean }): Promise<void> {
  let harness: BenchModule;
  try {
    harness = (await import(BENCH_PACKAGE)) as BenchModule;
  } catch (error) {
    if (
      (error as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND' &&
      String(error).includes(BENCH_PACKAGE)
    ) {
      throw new CliError(
        `the benchmark is not installed: ${BENCH_PACKAGE} is not part of this build`,
      );
    }
    throw error;
  }
  const result = await harness.runTextbookBench({ quick: options.quick });
  process.stdout.write(
    options.json ? `${JSON.stringify(result)}\n` : `${harness.formatTextbookBench(result)}\n`,
  );
}
