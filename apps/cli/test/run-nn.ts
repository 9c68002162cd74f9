import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';

export const BIN = fileURLToPath(new URL('../dist/bin.js', import.meta.url));

export interface NnResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built `nn` with node, as a user's shell would, and collects what it printed. */
export function runNn(
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<NnResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

let root: string | undefined;
// Registered while the importing test file is collected: its folders go when it ends.
afterAll(() => {
  if (root !== undefined) rmSync(root, { recursive: true, force: true });
});

/** A fresh folder, removed with everything in it after the test file. */
export function tempDir(): string {
  root ??= mkdtempSync(join(tmpdir(), 'nn-cli-test-'));
  return mkdtempSync(join(root, 'case-'));
}

/** The stdout lines, without the empty one after the last newline. */
export function lines(text: string): string[] {
  return text.split('\n').filter((line) => line !== '');
}
