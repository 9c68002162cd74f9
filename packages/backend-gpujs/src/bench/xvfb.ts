import { type ChildProcess, spawn } from 'node:child_process';

/** A running Xvfb and the DISPLAY value that reaches it. */
export interface XvfbServer {
  display: string;
  stop(): Promise<void>;
}

/**
 * Starts Xvfb on a free display number: with `-displayfd` Xvfb picks the
 * number itself and writes it to fd 3 once it accepts clients, so there is
 * no race over lock files and no sleep. (`xvfb-run` fails on this machine.)
 */
export async function startXvfb(): Promise<XvfbServer> {
  const xvfb: ChildProcess = spawn(
    'Xvfb',
    ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'],
    { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] },
  );
  const number = await new Promise<string>((resolve, reject) => {
    let stderr = '';
    let out = '';
    xvfb.stderr?.on('data', (chunk) => {
      stderr += chunk;
    });
    xvfb.stdio[3]?.on('data', (chunk) => {
      out += chunk;
      if (out.includes('\n')) resolve(out.trim());
    });
    xvfb.on('error', (error) =>
      reject(new Error(`cannot start Xvfb (apt-get install xvfb): ${error.message}`)),
    );
    xvfb.on('exit', (code) => reject(new Error(`Xvfb exited with code ${code}: ${stderr.trim()}`)));
  });
  return {
    display: `:${number}`,
    stop: () =>
      new Promise<void>((resolve) => {
        if (xvfb.exitCode !== null) return resolve();
        xvfb.once('exit', () => resolve());
        xvfb.kill('SIGTERM');
      }),
  };
}
