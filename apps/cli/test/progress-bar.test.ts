import { execFileSync, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BIN } from './run-nn.js';

const hasScript = spawnSync('script', ['--version']).status === 0;

/** Runs nn under util-linux `script`, which gives it a real terminal (stdout and stderr both). */
function runInTerminal(args: string[]): string {
  const command = [process.execPath, BIN, ...args].map((part) => `'${part}'`).join(' ');
  return execFileSync('script', ['-qec', command, '/dev/null'], { encoding: 'utf8' });
}

describe('the progress bar', () => {
  it.skipIf(!hasScript)('is drawn on a terminal, and cleared before each book line', () => {
    const output = runInTerminal(['train', '--seed', '1', '--epochs', '401', '--interval', '200']);
    expect(output).toMatch(/\[#{20}-{20}\] {2}50% epoch 201\/401/);
    expect(output).toContain('\r\x1b[2KEpoch:400/401 Error:');
    expect(output.endsWith('\r\x1b[2K')).toBe(true);
  });

  it.skipIf(!hasScript)('is not drawn with --json, which keeps the terminal to NDJSON', () => {
    const output = runInTerminal([
      'train',
      '--seed',
      '1',
      '--epochs',
      '401',
      '--interval',
      '200',
      '--json',
    ]);
    expect(output).not.toContain('[#');
    expect(
      output
        .trim()
        .split(/\r?\n/)
        .map((line) => JSON.parse(line).type),
    ).toEqual(['epoch', 'epoch', 'epoch', 'done']);
  });
});
