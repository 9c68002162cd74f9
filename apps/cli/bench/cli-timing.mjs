// Wall time of whole `nn` commands, Node start included, as a user sees them:
// median of several runs, beside issue 4's targets. Run after a build
// (`pnpm bench` at the root, or `pnpm --filter @nn/cli bench`).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'nn-cli-bench-'));

const cases = [
  { name: 'nn --help', args: ['--help'], runs: 9, targetSeconds: 0.2 },
  { name: 'nn --version', args: ['--version'], runs: 9, targetSeconds: 0.2 },
  { name: 'nn train', args: ['train', '--seed', '1'], runs: 7, targetSeconds: 0.5 },
  {
    name: 'nn train --gif',
    args: ['train', '--seed', '1', '--gif', join(dir, 'fit.gif')],
    runs: 5,
    targetSeconds: 2,
  },
];

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

try {
  console.log(`${'command'.padEnd(18)}${'median s'.padStart(10)}${'target s'.padStart(10)}`);
  for (const { name, args, runs, targetSeconds } of cases) {
    const seconds = [];
    for (let i = 0; i < runs; i++) {
      const start = process.hrtime.bigint();
      const result = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });
      seconds.push(Number(process.hrtime.bigint() - start) / 1e9);
      if (result.status !== 0) throw new Error(`${name} failed: ${result.stderr}`);
    }
    const m = median(seconds);
    const verdict = m <= targetSeconds ? 'met' : 'missed';
    console.log(
      `${name.padEnd(18)}${m.toFixed(3).padStart(10)}${targetSeconds.toFixed(1).padStart(10)}  ${verdict}`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
