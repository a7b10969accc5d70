import { readFileSync } from 'node:fs';
import { transformSync } from 'esbuild';
import { describe, expect, it } from 'vitest';
import * as root from './index';

// The README is the first thing a user runs: every `ts` block is executed against the entry it
// imports from, and every `expr; // → value` comment is checked (objects partially, like
// toMatchObject), so an example cannot drift from the API.

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  name: string;
  exports: Record<string, string | { '@org/source'?: string }>;
};

/** Every entry of package.json (`.`, `./status`, ...) with the source file it points at. */
const entries = Object.entries(manifest.exports)
  .filter(([, target]) => typeof target === 'object' && target['@org/source'] !== undefined)
  .map(([subpath, target]) => ({
    specifier: subpath === '.' ? manifest.name : `${manifest.name}/${subpath.slice(2)}`,
    source: (target as { '@org/source': string })['@org/source'],
  }));

interface Block {
  /** 1-based line of the README where the code starts. */
  readonly line: number;
  readonly code: string;
}

const blocks: Block[] = [...readme.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((m) => ({
  line: readme.slice(0, m.index).split('\n').length + 1,
  code: m[1]!,
}));

const RESULT = /^(.*?);\s*\/\/ → (.+)$/;
const RESULT_ALONE = /^\s*\/\/ → (.+)$/;

/** Where an `if (...)` prefix ends, so that the rest of the line is the checked expression. */
function conditionEnd(line: string): number {
  const start = line.indexOf('if (');
  if (start !== line.length - line.trimStart().length) return -1;
  let depth = 0;
  for (let i = start + 3; i < line.length; i++) {
    if (line[i] === '(') depth++;
    else if (line[i] === ')' && --depth === 0) return i + 1;
  }
  return -1;
}

// Where a statement that ends on a line starts: after a line that ends one (`;`, `}`, a block's
// `{`), a comment or a blank line. Biome wraps long calls over several lines.
const BLOCK_OPENER = /^(?:try|else|\}?\s*catch\b.*|(?:if|for|while)\b.*\))\s*\{$/;

function statementStart(lines: readonly string[], end: number): number {
  let start = end;
  while (start > 0) {
    const before = lines[start - 1]!.trim();
    if (before === '' || before.startsWith('//') || /[;}]$/.test(before)) break;
    if (BLOCK_OPENER.test(before)) break;
    start--;
  }
  return start;
}

/** `expr; // → value` (or `expr;` then a line `// → value`) becomes a call to `__check`. */
function withChecks(block: Block): { code: string; checks: number[] } {
  const lines = block.code.split('\n');
  const checks: number[] = [];
  // Lines `start..end` hold one statement, whose last line ends with `;` before any comment.
  const check = (end: number, last: string, expected: string, line: number) => {
    const start = statementStart(lines, end);
    const statement = [...lines.slice(start, end), last].join('\n');
    const cut = conditionEnd(statement);
    const head = cut === -1 ? '' : `${statement.slice(0, cut)} `;
    const expr = cut === -1 ? statement : statement.slice(cut).trim();
    checks.push(line);
    lines.fill('', start, end + 1);
    lines[start] = `${head}__check(${expr}, ${expected}, ${line});`;
  };
  for (const [i, text] of lines.entries()) {
    const alone = RESULT_ALONE.exec(text);
    if (alone) {
      const previous = lines[i - 1]!.trimEnd();
      if (!previous.endsWith(';')) {
        throw new Error(
          `README line ${block.line + i}: "// →" follows a line that ends no statement`,
        );
      }
      lines[i] = '';
      check(i - 1, previous.slice(0, -1), alone[1]!, block.line + i);
      continue;
    }
    const inline = RESULT.exec(text);
    if (inline) check(i, inline[1]!, inline[2]!, block.line + i);
  }
  return { code: lines.join('\n'), checks };
}

/** The block as the body of an async function: imports read from the entries it names. */
function runnable(code: string): string {
  const js = transformSync(code, { loader: 'ts', format: 'esm' }).code;
  return js.replace(
    /^import\s*\{([^}]*)\}\s*from\s*"([^"]+)";$/gm,
    (_, names: string, specifier: string) =>
      `const {${names.replace(/\bas\b/g, ':')}} = await __entry(${JSON.stringify(specifier)});`,
  );
}

const AsyncFunction = (async () => {}).constructor as new (
  ...args: string[]
) => (...args: unknown[]) => Promise<void>;

async function load(specifier: string): Promise<Record<string, unknown>> {
  const entry = entries.find((e) => e.specifier === specifier);
  if (entry === undefined) {
    throw new Error(`the README imports ${specifier}, which is not an entry of package.json`);
  }
  return import(/* @vite-ignore */ new URL(`../${entry.source}`, import.meta.url).href);
}

describe('README.md', () => {
  it('has code to run', () => {
    expect(blocks.length).toBeGreaterThan(10);
  });

  it.each(blocks)('runs the block at line $line, with every result it shows', async (block) => {
    const { code, checks } = withChecks(block);
    const done: number[] = [];
    const checkResult = (actual: unknown, expected: unknown, line: number) => {
      done.push(line);
      if (typeof expected === 'object' && expected !== null) {
        expect(actual, `README line ${line}`).toMatchObject(expected);
      } else {
        expect(actual, `README line ${line}`).toEqual(expected);
      }
    };
    await new AsyncFunction('__entry', '__check', runnable(code))(load, checkResult);
    // A result inside a branch or a catch that never ran would otherwise pass unseen.
    expect(done, 'every "// →" result was reached').toEqual(checks);
  });

  it('shows every value the root entry exports in an example', () => {
    const code = blocks.map((block) => block.code).join('\n');
    const missing = Object.keys(root).filter((name) => !new RegExp(`\\b${name}\\b`).test(code));
    expect(missing).toEqual([]);
  });

  it('names every exported type', () => {
    const names = new Set<string>();
    const typesOf = (file: URL) => {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/^export (?:interface|type) (\w+)/gm)) names.add(m[1]!);
    };
    for (const { source } of entries) {
      const file = new URL(`../${source}`, import.meta.url);
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\btype (\w+)(?=[,\s}])/g)) names.add(m[1]!);
      for (const m of text.matchAll(/^export type (?:\*|\{[^}]*\}) from '(\.[^']+)'/gm)) {
        typesOf(new URL(`${m[1]}.ts`, file));
      }
    }
    const missing = [...names].filter((name) => !new RegExp(`\`[^\`]*\\b${name}\\b`).test(readme));
    expect(names.size).toBeGreaterThan(30);
    expect(missing).toEqual([]);
  });

  it('documents every subpath entry and links to the API reference', () => {
    for (const { specifier } of entries) expect(readme).toContain(`\`${specifier}\``);
    expect(readme).toContain('apps/docs/app/reference/page.tsx');
    expect(readme).toContain('/reference#redirect-core-');
  });
});
