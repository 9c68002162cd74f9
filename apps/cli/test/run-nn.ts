import { type ChildProcess, type StdioOptions, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';

/** The built `nn`; NN_CLI_BIN runs the suite against another build (e.g. an older one, to see a test fail). */
export const BIN =
  process.env.NN_CLI_BIN ?? fileURLToPath(new URL('../dist/bin.js', import.meta.url));

export interface NnResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface NnOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Arguments for node itself, before the script (e.g. --max-old-space-size=64). */
  nodeArgs?: string[];
  /** stdin, stdout, stderr: 'pipe' by default for the last two, which are then collected. */
  stdio?: StdioOptions;
}

/** Starts the built `nn` with node, as a user's shell would. */
export function spawnNn(args: string[], options: NnOptions = {}): ChildProcess {
  return spawn(process.execPath, [...(options.nodeArgs ?? []), BIN, ...args], {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: options.stdio ?? ['ignore', 'pipe', 'pipe'],
  });
}

/** What a started `nn` prints (on the streams that are pipes) until it ends. */
export function collect(child: ChildProcess): Promise<NnResult> {
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

/** Runs the built `nn` and collects what it printed. */
export function runNn(args: string[], options: NnOptions = {}): Promise<NnResult> {
  return collect(spawnNn(args, options));
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

/** The one-line failure an `nn` run printed last on stderr. */
export function lastLine(text: string): string {
  return text.trimEnd().split('\n').at(-1) ?? '';
}
