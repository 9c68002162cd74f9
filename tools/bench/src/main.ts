import { formatTextbookBench, runTextbookBench } from './textbook-bench.js';

const json = process.argv.includes('--json');
const quick = process.argv.includes('--quick');
const result = await runTextbookBench({ quick });
process.stdout.write(json ? `${JSON.stringify(result)}\n` : `${formatTextbookBench(result)}\n`);
