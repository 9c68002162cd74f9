const MAIN = `Usage: nn <command> [options]

Commands:
  train      train a regression network (no options: the textbook's sin run)
  predict    run a saved model on x values
  backends   list the backends and modes, and whether they run here
  bench      run the benchmarks (textbook run, backend grid)

Options:
  -h, --help     show help (also: nn <command> --help)
  -v, --version  show the version
  --verbose      show stack traces on errors`;

const TRAIN = `Usage: nn train [options]

With no options, the textbook run: 1 -> 3 sigmoid -> 1, eta 0.1, 2001 epochs,
printing "Epoch:i/2001 Error:e" every 200 epochs.

Network and training:
  --hidden N[,N...]        hidden layer widths (default 3; e.g. 8,8)
  --activation NAME        sigmoid | tanh | relu (default sigmoid)
  --eta X                  learning rate > 0 (default 0.1)
  --epochs N               epochs >= 1 (default 2001)
  --interval N             report every N epochs (default 200)
  --batch-size N           samples per update (default 1)
  --wb-width X             initial weights are X * N(0,1), X > 0 (default 0.01)
  --seed N                 0..4294967295 (default: random, printed to stderr)
  --rng NAME               default | numpy (numpy: the NumPy script's numbers)
  --data FILE.csv          train on x,y rows (a header row is optional)

Backend:
  --backend NAME           cpu | gpujs (default cpu)
  --precision NAME         cpu only: float64 | float32 (default float64)
  --mode NAME              gpujs only: auto | headlessgl | webgl2 | webgl | webgpu | webasm | cpu

Output:
  --gif FILE.gif           animated GIF, one frame per interval and the last epoch
  --png FILE.png           the final fit as a PNG
  --save FILE.json         the trained model
  --json                   NDJSON on stdout: epoch lines, then a done line
  --verbose                stack traces on errors`;

const PREDICT = `Usage: nn predict --model FILE.json (--x X [--x X...] | --data FILE.csv) [options]

  --model FILE.json        a model saved by nn train --save
  --x X                    an input value; repeat for several (or --x 0.1,0.2)
  --data FILE.csv          inputs in the first column(s); a header row is optional
  --backend NAME           cpu | gpujs (default cpu)
  --precision NAME         cpu only: float64 | float32
  --mode NAME              gpujs only: auto | headlessgl | webgl2 | webgl | webgpu | webasm | cpu
  --json                   one {"x":...,"y":...} line per input

Prints "x,y" CSV rows.`;

const BACKENDS = `Usage: nn backends [--json]

Lists every backend and mode, whether it starts here, and if not, why.`;

const BENCH = `Usage: nn bench [--quick] [--json]

Times the textbook run on backend-cpu beside a hand-written loop and the NumPy
script, then training steps over hidden widths × batch sizes on every backend
(cpu float64/float32, gpujs headlessgl/webasm), and prints the tables.
  --quick                  fewer repetitions, a smaller grid
  --json                   the result as one JSON document`;

const USAGES: Record<string, string> = {
  train: TRAIN,
  predict: PREDICT,
  backends: BACKENDS,
  bench: BENCH,
};

/** The usage of `command`, or of nn itself. */
export function usage(command?: string): string {
  return (command !== undefined ? USAGES[command] : undefined) ?? MAIN;
}
