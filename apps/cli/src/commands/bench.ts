import { CliError } from '../cli-error.js';
import { writeOut } from '../stdio.js';

interface TextbookBench {
  runTextbookBench(options?: { quick?: boolean }): Promise<unknown>;
  formatTextbookBench(result: unknown): string;
}

interface GridBench {
  runGridBenchWithDisplay(options?: { quick?: boolean }): Promise<unknown>;
  formatGridBench(result: unknown): string;
}

// Loaded by name at run time: the benchmarks are tools of the repo, not needed
// to train or predict.
async function load<T>(name: string): Promise<T> {
  try {
    return (await import(name)) as T;
  } catch (error) {
    if (
      (error as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND' &&
      String(error).includes(name)
    ) {
      throw new CliError(`the benchmark is not installed: ${name} is not part of this build`);
    }
    throw error;
  }
}

/**
 * `nn bench`: the textbook run on backend-cpu against a hand-written loop and
 * NumPy, then the grid of widths × batches × backends; tables, or one JSON
 * document `{ textbook, grid }`.
 */
export async function bench(options: { quick: boolean; json: boolean }): Promise<void> {
  const textbookBench = await load<TextbookBench>('@nn/bench');
  const gridBench = await load<GridBench>('@nn/bench');
  const textbook = await textbookBench.runTextbookBench({ quick: options.quick });
  if (!options.json) writeOut(`${textbookBench.formatTextbookBench(textbook)}\n\n`);
  const grid = await gridBench.runGridBenchWithDisplay({ quick: options.quick });
  writeOut(
    options.json
      ? `${JSON.stringify({ textbook, grid })}\n`
      : `${gridBench.formatGridBench(grid)}\n`,
  );
}
