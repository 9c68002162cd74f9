const MAIN = `Usage: nn <command> [options]

Commands:
  train      train one of the book's examples (no options: the textbook's sin run)
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

Examples (each flag's default is the example's, the book's setting):
  --example NAME           regression | classification | iris (default regression)
                           classification: 2 -> 6 sigmoid -> 2 softmax, eta 0.1, 101 epochs,
                             "Epoch:i/101 Error:e" every 10
                           iris: 4 -> 25,25 relu -> 3 softmax, AdaGrad eta 0.01, batches of 8,
                             1000 epochs, "Epoch:i/1000 Error_train:e Error_test:e" every 100,
                             then "Accuracy Train: a% Accuracy Test: a%"

Network and training:
  --hidden N[,N...]        hidden layer widths (e.g. 8,8)
  --activation NAME        sigmoid | tanh | relu (hidden layers)
  --eta X                  learning rate > 0
  --epochs N               epochs >= 1
  --interval N             report every N epochs
  --batch-size N           samples per update
  --wb-width X             initial weights are X * N(0,1), X > 0
  --optimizer NAME         sgd | momentum | adagrad | rmsprop | adam
  --dropout R              dropout after each hidden layer, 0 <= R < 1 (default 0: none)
  --seed N                 0..4294967295 (default: random, printed to stderr)
  --rng NAME               default | numpy (numpy: the NumPy script's numbers)
  --data FILE.csv          regression: x,y rows; classification, iris: feature columns,
                           then a class label (classes numbered in sorted label order;
                           iris: even rows train, odd rows test)
  --standardize            scale each --data feature column to mean 0, std 1

Backend:
  --backend NAME           cpu | gpujs (default cpu)
  --precision NAME         cpu only: float64 | float32 (default float64)
  --mode NAME              gpujs only: auto | headlessgl | webgl2 | webgl | webgpu | webasm | cpu

Output:
  --gif FILE.gif           animated GIF, one frame per interval and the last epoch
  --png FILE.png           the final chart as a PNG (iris: the error curves)
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
