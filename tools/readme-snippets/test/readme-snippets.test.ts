import { execFile } from 'node:child_process';
import {
  copyFileSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { extractSnippets, type Snippet } from '../src/extract-snippets.js';
import { findReadmes } from '../src/find-readmes.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const tool = fileURLToPath(new URL('../', import.meta.url));
const bin = join(tool, 'node_modules', '.bin');
// Inside the repo, so a snippet's `@nn/*` imports resolve to the workspace
// packages through this package's node_modules.
const work = join(tool, '.snippets');
mkdirSync(work, { recursive: true });
const scratch = mkdtempSync(join(work, 'run-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

function run(command: string, args: string[], cwd: string): Promise<Result> {
  return new Promise((resolve) => {
    execFile(
      command,
      args,
      {
        cwd,
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
        // A hung snippet fails with its output instead of stalling the run.
        timeout: 100_000,
        env: { ...process.env, NO_COLOR: '1', PATH: `${bin}${delimiter}${process.env.PATH}` },
      },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/**
 * A fresh folder for one snippet, holding the sample files its commands name
 * and, installed there, the plug-in the cli README names (the cli tests' own).
 */
function folderFor(snippet: Snippet): string {
  const name = `${snippet.file.replace(/[^\w]+/g, '-')}-${snippet.line}`;
  const dir = join(scratch, name);
  mkdirSync(dir, { recursive: true });
  for (const sample of ['points.csv', 'flowers.csv']) {
    copyFileSync(join(tool, 'fixtures', sample), join(dir, sample));
  }
  const plugin = join(root, 'apps', 'cli', 'test', 'fixtures', 'plain-backend');
  cpSync(plugin, join(dir, 'node_modules', 'nn-backend-plain'), { recursive: true });
  return dir;
}

/** The commands of an sh block: one per line, a trailing backslash continuing it, comments dropped. */
function commands(code: string): string[] {
  return code
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

const failure = (r: Result) => `exit ${r.code}\n${r.stderr}${r.stdout.slice(-2000)}`;

const snippets = findReadmes(root).flatMap((file) =>
  extractSnippets(file, readFileSync(join(root, file), 'utf8')),
);

describe('every README snippet runs', () => {
  it('finds the snippets of the READMEs', () => {
    expect(snippets.some((s) => s.file === 'README.md' && s.action === 'run')).toBe(true);
    expect(snippets.some((s) => s.action === 'vitest')).toBe(true);
    expect(snippets.some((s) => s.lang === 'sh' && s.action === 'run')).toBe(true);
  });

  for (const snippet of snippets) {
    const name = `${snippet.file}:${snippet.line} (${snippet.lang})`;
    if (snippet.action === 'skip') {
      it.skip(`${name}, skipped: ${snippet.reason}`, () => {});
    } else if (snippet.action === 'vitest') {
      it(`${name}, as a vitest file`, async () => {
        const dir = folderFor(snippet);
        mkdirSync(join(dir, 'src'));
        mkdirSync(join(dir, 'test'));
        copyFileSync(join(tool, 'fixtures', 'my-backend.ts'), join(dir, 'src', 'index.ts'));
        writeFileSync(join(dir, 'test', 'snippet.test.ts'), snippet.code);
        const config = join(root, 'tools', 'vitest.shared.ts');
        const result = await run(
          join(bin, 'vitest'),
          ['run', '--root', dir, '--config', config],
          dir,
        );
        expect(result.code, failure(result)).toBe(0);
        expect(result.stdout).toMatch(/Tests\s+\d+ passed/);
      });
    } else if (snippet.lang === 'sh') {
      describe(name, () => {
        const dir = folderFor(snippet);
        // In order, in one folder holding fixtures/*.csv: a later command may
        // read what an earlier one wrote.
        for (const command of commands(snippet.code)) {
          it(command, async () => {
            // Only `nn` runs: anything else (pnpm, npm, a setup script) could change the repo.
            expect(
              /^nn(\s|$)/.test(command),
              `${name}: only \`nn\` commands run here; mark this block <!-- snippet: skip (why) -->`,
            ).toBe(true);
            const result = await run('sh', ['-c', command], dir);
            expect(result.code, failure(result)).toBe(0);
          });
        }
      });
    } else {
      it(name, async () => {
        const dir = folderFor(snippet);
        const file = join(dir, snippet.lang === 'ts' ? 'snippet.ts' : 'snippet.mjs');
        writeFileSync(file, snippet.code);
        // tsx runs TypeScript; the "source" condition loads the packages' src/, as the tests do.
        const result = await run(
          process.execPath,
          ['--conditions=source', '--import', 'tsx', file],
          dir,
        );
        expect(result.code, failure(result)).toBe(0);
      });
    }
  }
});
