import { CONTENDERS, isWorkload } from './contenders.js';

/**
 * Child process: prepares one contender, times its run after warm-up runs,
 * and prints the wall times in milliseconds as JSON.
 */
const [workload = '', name = '', runs = '5', warmups = '2'] = process.argv.slice(2);
const prepare = isWorkload(workload) ? CONTENDERS[workload][name] : undefined;
if (prepare === undefined) {
  process.stderr.write(
    `time-contender: unknown contender ${JSON.stringify(name)} of workload ${JSON.stringify(workload)}\n`,
  );
  process.exit(2);
}
const run = await prepare();
const times: number[] = [];
for (let r = 0; r < Number(warmups) + Number(runs); r++) {
  const start = performance.now();
  await run();
  if (r >= Number(warmups)) times.push(performance.now() - start);
}
process.stdout.write(`${JSON.stringify(times)}\n`);
