import { formatBench, runBench } from './bench.js';

const json = process.argv.includes('--json');
const quick = process.argv.includes('--quick');
const result = await runBench({ quick });
process.stdout.write(json ? `${JSON.stringify(result)}\n` : `${formatBench(result)}\n`);
