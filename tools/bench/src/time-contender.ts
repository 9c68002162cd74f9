import { CONTENDERS } from './contenders.js';

/**
 * Child process: times one contender, after warm-up runs, and prints the
 * wall times in milliseconds as JSON. A process each keeps one contender's
 * JIT feedback (say, Float32Array kernels) from slowing another's.
 */
const [name = '', runs = '5', warmups = '2'] = process.argv.slice(2);
const run = CONTENDERS[name];
if (run === undefined) {
  process.stderr.write(`time-contender: unknown contender ${JSON.stringify(name)}\n`);
  process.exit(2);
}
const times: number[] = [];
for (let r = 0; r < Number(warmups) + Number(runs); r++) {
  const start = performance.now();
  await run();
  if (r >= Number(warmups)) times.push(performance.now() - start);
}
process.stdout.write(`${JSON.stringify(times)}\n`);
