import { type ChildProcess, spawn } from 'node:child_process';

/** A running Xvfb and the DISPLAY value that reaches it. */
export interface XvfbServer {
  display: string;
  stop(): Promise<void>;
}

/**
 * Runs Xvfb "$@" and stops it when its stdin reaches end of file. This
 * process holds the only writer of that pipe, so however it ends (done,
 * an exception, SIGINT, SIGTERM, even SIGKILL) the pipe closes and Xvfb
 * goes with it: no orphaned display server under PID 1. stop() closes the
 * pipe itself. The shell exits with Xvfb's status.
 */
const STOP_WITH_PARENT = `
Xvfb "$@" &
xvfb=$!
exec 4<&0
(read -r _ <&4; kill "$xvfb" 2>/dev/null) &
watcher=$!
wait "$xvfb"
status=$?
kill "$watcher" 2>/dev/null
exit "$status"
`;

/**
 * Starts Xvfb on a free display number: with `-displayfd` Xvfb picks the
 * number itself and writes it to fd 3 once it accepts clients, so there is
 * no race over lock files and no sleep. (`xvfb-run` fails on this machine.)
 */
export async function startXvfb(): Promise<XvfbServer> {
  const xvfb: ChildProcess = spawn(
    'sh',
    [
      '-c',
      STOP_WITH_PARENT,
      'xvfb',
      '-displayfd',
      '3',
      '-screen',
      '0',
      '1280x1024x24',
      '-nolisten',
      'tcp',
    ],
    { stdio: ['pipe', 'ignore', 'pipe', 'pipe'] },
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
    xvfb.on('error', (error) => reject(new Error(`cannot start Xvfb: ${error.message}`)));
    xvfb.on('exit', (code) =>
      reject(
        new Error(
          code === 127
            ? 'cannot start Xvfb: it is not installed (apt-get install xvfb)'
            : `Xvfb exited with code ${code}: ${stderr.trim()}`,
        ),
      ),
    );
  });
  return {
    display: `:${number}`,
    stop: () =>
      new Promise<void>((resolve) => {
        if (xvfb.exitCode !== null || xvfb.signalCode !== null) return resolve();
        xvfb.once('exit', () => resolve());
        xvfb.stdin?.end();
      }),
  };
}
