import { readFileSync } from 'node:fs';

/**
 * @typedef {object} KernelContract
 * @property {string} name the kernel's name, e.g. 'matMul'
 * @property {string[]} doc the lines of its doc comment, without indentation
 * @property {{ name: string, type: string }[]} parameters as kernels.ts declares them
 * @property {string} returns the return type, e.g. 'void'
 */

/**
 * The members of `RequiredKernels` in packages/core/src/kernels.ts, with
 * their doc comments, read when a backend is scaffolded so that its stubs
 * carry the contract as it is today.
 * @param {string} kernelsFile the path of kernels.ts
 * @returns {KernelContract[]}
 */
export function readRequiredKernels(kernelsFile) {
  const source = readFileSync(kernelsFile, 'utf8');
  const start = /export interface RequiredKernels\b[^{]*\{/.exec(source);
  if (start === null) throw new Error(`${kernelsFile}: no 'export interface RequiredKernels'`);
  const body = source.slice(
    start.index + start[0].length,
    closingBrace(source, start.index + start[0].length),
  );
  const kernels = [];
  /** @type {string[]} */
  let doc = [];
  let i = 0;
  while (i < body.length) {
    if (/\s/.test(body[i] ?? '')) {
      i++;
    } else if (body.startsWith('/**', i)) {
      const end = body.indexOf('*/', i);
      doc = docLines(body.slice(i + 3, end));
      i = end + 2;
    } else if (body.startsWith('//', i)) {
      i = body.indexOf('\n', i) + 1 || body.length;
    } else {
      const end = memberEnd(body, i);
      kernels.push(parseMember(body.slice(i, end), doc));
      doc = [];
      i = end + 1;
    }
  }
  return kernels;
}

/**
 * Where the `{` just before `from` closes.
 * @param {string} source
 * @param {number} from
 */
function closingBrace(source, from) {
  let depth = 1;
  for (let i = from; i < source.length; i++) {
    if (source[i] === '{') depth++;
    if (source[i] === '}' && --depth === 0) return i;
  }
  throw new Error('RequiredKernels: unbalanced braces');
}

/**
 * The `;` that ends the member starting at `from`, outside parentheses and type brackets.
 * @param {string} body
 * @param {number} from
 */
function memberEnd(body, from) {
  let depth = 0;
  for (let i = from; i < body.length; i++) {
    const c = body[i];
    if (c === '(' || c === '{' || c === '<' || c === '[') depth++;
    if (c === ')' || c === '}' || c === ']' || (c === '>' && body[i - 1] !== '=')) depth--;
    if (c === ';' && depth === 0) return i;
  }
  throw new Error(`RequiredKernels: no ';' after '${body.slice(from, from + 40)}'`);
}

/**
 * A doc comment's text lines, stripped of their leading ` * `.
 * @param {string} comment
 * @returns {string[]}
 */
function docLines(comment) {
  return comment
    .split('\n')
    .map((line) => line.replace(/^\s*\*? ?/, '').trimEnd())
    .filter((line, index, lines) => line !== '' || (index > 0 && index < lines.length - 1));
}

/**
 * `name(a: A, b: B): R` → its parts; parameter types keep their text, whitespace collapsed.
 * @param {string} text
 * @param {string[]} doc
 * @returns {KernelContract}
 */
function parseMember(text, doc) {
  const member = /^(\w+)\s*\(([\s\S]*)\)\s*:\s*([\s\S]+)$/.exec(text.trim());
  if (member === null) throw new Error(`RequiredKernels: cannot read member '${text.trim()}'`);
  const [, name = '', list = '', returns = ''] = member;
  const parameters = splitTopLevel(list)
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map((p) => {
      const colon = p.indexOf(':');
      return {
        name: p.slice(0, colon).trim(),
        type: p
          .slice(colon + 1)
          .replace(/\s+/g, ' ')
          .trim(),
      };
    });
  return { name, doc, parameters, returns: returns.trim() };
}

/**
 * Splits at commas outside brackets (a type such as `Record<string, number>` holds one).
 * @param {string} list
 */
function splitTopLevel(list) {
  const parts = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < list.length; i++) {
    const c = list[i];
    if (c === '(' || c === '{' || c === '<' || c === '[') depth++;
    if (c === ')' || c === '}' || c === ']' || (c === '>' && list[i - 1] !== '=')) depth--;
    if (c === ',' && depth === 0) {
      parts.push(list.slice(from, i));
      from = i + 1;
    }
  }
  parts.push(list.slice(from));
  return parts;
}
