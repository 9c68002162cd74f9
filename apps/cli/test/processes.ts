import { readdirSync, readFileSync } from 'node:fs';

interface ProcessEntry {
  pid: number;
  ppid: number;
  comm: string;
  state: string;
}

/** Every process in /proc: pid, parent, command name and state (Z: a zombie, gone but not yet reaped). */
function processes(): ProcessEntry[] {
  const entries: ProcessEntry[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // "pid (comm) state ppid …": comm may hold spaces and parentheses, so split at the last ")".
      const close = stat.lastIndexOf(')');
      const [state = '', ppid = '0'] = stat.slice(close + 2).split(' ');
      entries.push({
        pid: Number(name),
        ppid: Number(ppid),
        comm: stat.slice(stat.indexOf('(') + 1, close),
        state,
      });
    } catch {
      // It ended while the table was read.
    }
  }
  return entries;
}

/** The pid of a live process named `comm` below `root` (child, grandchild, …), if any. */
export function findDescendant(root: number, comm: string): number | undefined {
  const all = processes();
  const below = new Set([root]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const p of all) {
      if (below.has(p.ppid) && !below.has(p.pid)) {
        below.add(p.pid);
        grew = true;
      }
    }
  }
  return all.find((p) => p.pid !== root && below.has(p.pid) && p.comm === comm && p.state !== 'Z')
    ?.pid;
}

export function isRunning(pid: number): boolean {
  return processes().some((p) => p.pid === pid && p.state !== 'Z');
}

/** Polls `probe` until it gives a value; fails after `seconds`, naming `what` it waited for. */
export async function waitFor<T>(
  what: string,
  seconds: number,
  probe: () => T | undefined,
): Promise<T> {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`waited ${seconds} s for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
