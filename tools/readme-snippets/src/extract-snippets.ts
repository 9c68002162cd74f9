/** What the test does with a fenced block, from the comment just before it. */
export type SnippetAction = 'run' | 'vitest' | 'skip';

export interface Snippet {
  /** The README's path, relative to the repo root. */
  file: string;
  /** 1-based line of the opening fence. */
  line: number;
  /** The fence's language: ts, js or sh (other blocks are output or prose, never run). */
  lang: 'ts' | 'js' | 'sh';
  code: string;
  action: SnippetAction;
  /** Why a skipped block does not run. */
  reason?: string;
}

const LANGS: Record<string, Snippet['lang']> = {
  ts: 'ts',
  typescript: 'ts',
  js: 'js',
  javascript: 'js',
  sh: 'sh',
  bash: 'sh',
  shell: 'sh',
};
const FENCE = /^(\s*)(```+|~~~+)\s*([\w-]*)/;
const DIRECTIVE = /^<!--\s*snippet:\s*(.*?)\s*-->$/;

/**
 * The ts, js and sh blocks of one README, each with its action:
 * `<!-- snippet: skip (why) -->` on the line before the fence (blank lines
 * between are allowed) keeps a block from running and must say why;
 * `<!-- snippet: vitest -->` runs a ts block as a vitest test file; anything
 * else after `snippet:` is an error, so a typo cannot silently skip a block.
 */
export function extractSnippets(file: string, markdown: string): Snippet[] {
  const lines = markdown.split('\n');
  const snippets: Snippet[] = [];
  let directive: { text: string; line: number } | undefined;
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i] ?? '';
    const comment = DIRECTIVE.exec(text.trim());
    if (comment !== null) {
      directive = { text: comment[1] ?? '', line: i + 1 };
      continue;
    }
    const fence = FENCE.exec(text);
    if (fence === null) {
      if (text.trim() !== '') directive = undefined;
      continue;
    }
    const [, indent = '', marker = '', info = ''] = fence;
    const end = lines.findIndex((other, j) => j > i && other.trim() === marker);
    if (end === -1) throw new Error(`${file}:${i + 1}: a code block that never closes`);
    const lang = LANGS[info.toLowerCase()];
    if (lang !== undefined) {
      const body = lines
        .slice(i + 1, end)
        .map((l) => l.slice(Math.min(indent.length, l.search(/\S|$/))));
      snippets.push({
        file,
        line: i + 1,
        lang,
        code: `${body.join('\n')}\n`,
        ...parseDirective(file, directive, lang),
      });
    } else if (directive !== undefined) {
      throw new Error(
        `${file}:${directive.line}: a snippet directive before a ${info || 'plain'} block, which never runs`,
      );
    }
    directive = undefined;
    i = end;
  }
  if (directive !== undefined) {
    throw new Error(`${file}:${directive.line}: a snippet directive with no code block after it`);
  }
  return snippets;
}

function parseDirective(
  file: string,
  directive: { text: string; line: number } | undefined,
  lang: Snippet['lang'],
): { action: SnippetAction; reason?: string } {
  if (directive === undefined) return { action: 'run' };
  const skip = /^skip\s*\((.+)\)$/.exec(directive.text);
  if (skip !== null) return { action: 'skip', reason: skip[1] as string };
  if (directive.text === 'vitest' && lang === 'ts') {
    return { action: 'vitest' };
  }
  throw new Error(
    `${file}:${directive.line}: unknown snippet directive "${directive.text}": use "skip (why)", or "vitest" before a ts block`,
  );
}
