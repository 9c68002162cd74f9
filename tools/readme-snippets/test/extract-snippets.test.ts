import { describe, expect, it } from 'vitest';
import { extractSnippets } from '../src/extract-snippets.js';

const md = (...lines: string[]) => lines.join('\n');

describe('extractSnippets', () => {
  it('returns the ts, js and sh blocks with their lines, leaving output blocks out', () => {
    const snippets = extractSnippets(
      'R.md',
      md(
        '# R',
        '',
        '```ts',
        'const a = 1;',
        '```',
        '```',
        'Epoch:0',
        '```',
        '```sh',
        'nn train',
        '```',
        '```js',
        'x()',
        '```',
      ),
    );
    expect(snippets).toEqual([
      { file: 'R.md', line: 3, lang: 'ts', code: 'const a = 1;\n', action: 'run' },
      { file: 'R.md', line: 9, lang: 'sh', code: 'nn train\n', action: 'run' },
      { file: 'R.md', line: 12, lang: 'js', code: 'x()\n', action: 'run' },
    ]);
  });

  it('reads skip with its reason and vitest from the comment before the fence', () => {
    const snippets = extractSnippets(
      'R.md',
      md(
        '<!-- snippet: skip (runs every test) -->',
        '```sh',
        'pnpm test',
        '```',
        '<!-- snippet: vitest -->',
        '',
        '```ts',
        "it('x', () => {});",
        '```',
      ),
    );
    expect(snippets.map((s) => [s.action, s.reason])).toEqual([
      ['skip', 'runs every test'],
      ['vitest', undefined],
    ]);
  });

  it('lets a directive reach only the next block, not past prose', () => {
    expect(() =>
      extractSnippets('R.md', md('<!-- snippet: vitest -->', 'Some prose.', '```ts', 'a', '```')),
    ).not.toThrow();
    const [snippet] = extractSnippets(
      'R.md',
      md('<!-- snippet: vitest -->', 'Some prose.', '```ts', 'a', '```'),
    );
    expect(snippet?.action).toBe('run');
  });

  it('rejects an unknown directive, a skip without a reason, and vitest before sh', () => {
    for (const directive of ['snippet: skipp (x)', 'snippet: skip', 'snippet: skip ()']) {
      expect(() =>
        extractSnippets('R.md', md(`<!-- ${directive} -->`, '```ts', 'a', '```')),
      ).toThrow(/R\.md:1: unknown snippet directive/);
    }
    expect(() =>
      extractSnippets('R.md', md('<!-- snippet: vitest -->', '```sh', 'a', '```')),
    ).toThrow(/unknown snippet directive "vitest"/);
  });

  it('rejects a directive before an output block or at the end, and an unclosed fence', () => {
    expect(() =>
      extractSnippets('R.md', md('<!-- snippet: vitest -->', '```', 'out', '```')),
    ).toThrow(/R\.md:1: a snippet directive before a plain block/);
    expect(() => extractSnippets('R.md', md('text', '<!-- snippet: skip (x) -->'))).toThrow(
      /R\.md:2: a snippet directive with no code block/,
    );
    expect(() => extractSnippets('R.md', md('```ts', 'a'))).toThrow(
      /R\.md:1: a code block that never closes/,
    );
  });
});
