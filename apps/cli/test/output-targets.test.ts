import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lastLine, runNn, tempDir } from './run-nn.js';

const ONE_EPOCH = ['train', '--epochs', '1', '--seed', '1'];

function isModel(path: string): boolean {
  return (JSON.parse(readFileSync(path, 'utf8')) as { format?: string }).format === 'nn-model';
}

describe.concurrent('where nn writes an output', () => {
  it('writes through a symlink to its file, leaving the link a link (issue 13, 1)', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'good.json'), '{}');
    symlinkSync('good.json', join(dir, 'link.json'));
    const { code, stderr } = await runNn([...ONE_EPOCH, '--save', 'link.json'], { cwd: dir });
    expect(code, stderr).toBe(0);
    expect(lstatSync(join(dir, 'link.json')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, 'link.json'))).toBe('good.json');
    expect(isModel(join(dir, 'good.json'))).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['good.json', 'link.json']);
  });

  it('creates the file a dangling symlink names, as cp does', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'models'));
    symlinkSync('models/new.json', join(dir, 'link.json'));
    const { code } = await runNn([...ONE_EPOCH, '--save', 'link.json'], { cwd: dir });
    expect(code).toBe(0);
    expect(lstatSync(join(dir, 'link.json')).isSymbolicLink()).toBe(true);
    expect(isModel(join(dir, 'models', 'new.json'))).toBe(true);
  });

  // Device nodes of its own in a temporary folder: a regression must never reach /dev's.
  const asRoot = process.getuid?.() === 0;
  const mknod = (path: string, kind: 'c' | 'b', major: number, minor: number) =>
    execFileSync('mknod', [path, kind, String(major), String(minor)]);

  it.skipIf(!asRoot)(
    'writes a character device in place instead of replacing the node with a file (issue 13, 1)',
    async () => {
      const dir = tempDir();
      mknod(join(dir, 'dev'), 'c', 1, 3); // /dev/null's numbers
      symlinkSync('dev', join(dir, 'dev-link'));
      for (const path of ['dev', 'dev-link']) {
        const { code, stderr } = await runNn([...ONE_EPOCH, '--save', path], { cwd: dir });
        expect(code, stderr).toBe(0);
      }
      expect(statSync(join(dir, 'dev')).isCharacterDevice()).toBe(true);
      expect(lstatSync(join(dir, 'dev-link')).isSymbolicLink()).toBe(true);
      expect(readdirSync(dir).sort()).toEqual(['dev', 'dev-link']);
    },
  );

  it('writes a FIFO in place, to the reader at its other end', async () => {
    const dir = tempDir();
    const fifo = join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    const reader = readFile(fifo, 'utf8');
    const { code, stderr } = await runNn([...ONE_EPOCH, '--save', fifo]);
    expect(code, stderr).toBe(0);
    expect(JSON.parse(await reader).format).toBe('nn-model');
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });

  it.skipIf(!asRoot)('refuses a block device, naming it', async () => {
    const dir = tempDir();
    mknod(join(dir, 'disk'), 'b', 240, 0); // a local-use major: no driver behind it
    const { code, stderr } = await runNn([...ONE_EPOCH, '--save', 'disk'], { cwd: dir });
    expect(code).toBe(1);
    expect(lastLine(stderr)).toBe('nn: --save disk: is a block device; name a file');
    expect(statSync(join(dir, 'disk')).isBlockDevice()).toBe(true);
  });

  it('refuses, before reading or training, an output that is the input or another output (issue 13, 3)', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'mydata.csv'), '0,0\n1,1\n');
    symlinkSync('mydata.csv', join(dir, 'alias.csv'));
    const cases: [string[], string][] = [
      [
        ['--data', 'mydata.csv', '--save', 'mydata.csv'],
        'nn: --save mydata.csv is the same file as --data mydata.csv; name different files',
      ],
      [
        ['--data', 'mydata.csv', '--gif', 'alias.csv'],
        'nn: --gif alias.csv is the same file as --data mydata.csv; name different files',
      ],
      [
        ['--png', 'out.png', '--save', './out.png'],
        'nn: --save ./out.png is the same file as --png out.png; name different files',
      ],
      [
        ['--gif', 'a.gif', '--png', `${dir}/a.gif`],
        `nn: --png ${dir}/a.gif is the same file as --gif a.gif; name different files`,
      ],
    ];
    for (const [args, message] of cases) {
      const { code, stdout, stderr } = await runNn([...ONE_EPOCH, ...args], { cwd: dir });
      expect(code, stderr).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toMatch(/^Usage: nn train/);
      expect(lastLine(stderr)).toBe(message);
    }
    expect(readFileSync(join(dir, 'mydata.csv'), 'utf8')).toBe('0,0\n1,1\n');
    expect(readdirSync(dir).sort()).toEqual(['alias.csv', 'mydata.csv']);
  });

  it('refuses a read-only target as cp would, even as root, and leaves it as it was (issue 13, 4)', async () => {
    const dir = tempDir();
    const path = join(dir, 'model.json');
    writeFileSync(path, 'keep me');
    chmodSync(path, 0o444);
    const { code, stdout, stderr } = await runNn([...ONE_EPOCH, '--save', path]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(lastLine(stderr)).toBe(
      `nn: --save ${path}: is read-only (mode 0444); make it writable (chmod u+w) or name another file`,
    );
    expect(readFileSync(path, 'utf8')).toBe('keep me');
  });

  it('keeps the mode and owner of a file it replaces', async () => {
    const dir = tempDir();
    const path = join(dir, 'model.json');
    writeFileSync(path, 'old');
    chmodSync(path, 0o640);
    const owned = process.getuid?.() === 0;
    if (owned) chownSync(path, 1234, 1234);
    const { code } = await runNn([...ONE_EPOCH, '--save', path]);
    expect(code).toBe(0);
    expect(isModel(path)).toBe(true);
    const stats = statSync(path);
    expect(stats.mode & 0o777).toBe(0o640);
    if (owned) expect([stats.uid, stats.gid]).toEqual([1234, 1234]);
  });

  it('refuses a path ending in "/" before training, whether or not the folder exists (issue 13, 18)', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'existing'));
    for (const path of ['newdir/', 'existing/']) {
      const { code, stdout, stderr } = await runNn([...ONE_EPOCH, '--save', path], { cwd: dir });
      expect(code).toBe(1);
      expect(stdout).toBe('');
      expect(lastLine(stderr)).toBe(
        `nn: --save ${path}: names a folder (it ends with "/"); name a file`,
      );
    }
    expect(readdirSync(dir)).toEqual(['existing']);
  });

  it('writes a file whose name is 245 characters long, and leaves no temporary file (issue 13, 19)', async () => {
    const dir = tempDir();
    const name = `${'a'.repeat(240)}.json`;
    const { code, stderr } = await runNn([...ONE_EPOCH, '--save', name], { cwd: dir });
    expect(code, stderr).toBe(0);
    expect(readdirSync(dir)).toEqual([name]);
    expect(isModel(join(dir, name))).toBe(true);
  });

  it('writes a 255-byte name of multi-byte characters too', async () => {
    const dir = tempDir();
    const name = `${'é'.repeat(125)}.json`; // 250 + 5 bytes
    const { code, stderr } = await runNn([...ONE_EPOCH, '--save', name], { cwd: dir });
    expect(code, stderr).toBe(0);
    expect(readdirSync(dir)).toEqual([name]);
  });
});
