import { type ChildProcess, spawn } from 'node:child_process';

let server: ChildProcess | undefined;

/**
 * headless-gl needs an X display. Where none is set, start Xvfb on a free
 * display number (Xvfb picks it and writes it to fd 3 once it is ready:
 * `-displayfd`), hand it to the test workers through DISPLAY, stop it after.
 */
export async function setup(): Promise<void> {
  if (process.platform !== 'linux' || process.env.DISPLAY) return;
  const xvfb = spawn(
    'Xvfb',
    ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'],
    {
      stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
    },
  );
  server = xvfb;
  const display = await new Promise<string>((resolve, reject) => {
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
  process.env.DISPLAY = `:${display}`;
}

export async function teardown(): Promise<void> {
  if (server === undefined) return;
  const stopped = new Promise((resolve) => server?.once('exit', resolve));
  server.kill('SIGTERM');
  await stopped;
  server = undefined;
  delete process.env.DISPLAY;
}
