const MAIN = `Usage: nn <command> [options]

Commands:
  train      train one of the book's examples (no options: the textbook's sin run)
  predict    run a saved model on x values
  backends   list the backends and modes, whether they run here, and auto's choice
  bench      run the benchmarks (textbook run, backend grid)

Options:
  -h, --help     show help (also: nn <command> --help)
  -v, --version  show the version
  --verbose      show stack traces on errors`;

/**
 * The usage of `command`, or of nn itself. Only nn's own loads up front
 * (`--help`, `--version` answer at once); a command's is made from the flag
 * table and the backends' descriptors when asked.
 */
export async function usage(command?: string): Promise<string> {
  const commands = ['train', 'predict', 'backends', 'bench'];
  if (command === undefined || !commands.includes(command)) return MAIN;
  const usages = await import('./command-usage.js');
  switch (command) {
    case 'train':
      return usages.train();
    case 'predict':
      return usages.predict();
    case 'backends':
      return usages.BACKENDS();
    default:
      return usages.BENCH();
  }
}
