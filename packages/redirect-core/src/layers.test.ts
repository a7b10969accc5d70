import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The module graph of core's source (tests excluded), read from the import statements: the
// check `npx madge --circular` makes, without the dependency, plus the folder layering.

const SRC = dirname(fileURLToPath(import.meta.url));

/**
 * What each folder may import, downwards only: status (with the client profiles its table is
 * built from) at the bottom; next-request and guard on status and headers; map on guard and
 * status; formats on map; adapter on map, guard and status. `validation` holds the lazy zod
 * helpers of the folders that validate input.
 */
const allowed = {
  validation: [],
  headers: [],
  sources: [],
  clients: ['status'],
  status: ['clients', 'validation', 'sources'],
  guard: ['status'],
  'next-request': ['status', 'clients', 'headers'],
  map: ['guard', 'status', 'headers', 'validation'],
  formats: ['map', 'status', 'validation'],
  source: ['map'],
  adapter: ['map', 'guard', 'status', 'source', 'headers', 'validation'],
} as const satisfies Record<string, readonly string[]>;

type Folder = keyof typeof allowed;

interface Edge {
  from: string;
  to: string;
  typeOnly: boolean;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.ts$/.test(entry.name) && !/\.test(-d)?\.ts$|test-helpers\.ts$/.test(entry.name)
      ? [path]
      : [];
  });
}

const IMPORT = /^\s*(import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?['"](\.[^'"]+)['"]/gm;

function edgesOf(file: string): Edge[] {
  const text = readFileSync(file, 'utf8');
  const edges: Edge[] = [];
  for (const match of text.matchAll(IMPORT)) {
    const target = resolve(dirname(file), match[3]!);
    const to = [`${target}.ts`, join(target, 'index.ts')].find((path) => files.has(path));
    if (to === undefined) throw new Error(`${relative(SRC, file)}: cannot resolve ${match[3]}`);
    // `import { type A, type B }` is type-only too.
    const names = /\{([^}]*)\}/.exec(match[0])?.[1];
    const allTypes = names?.split(',').every((name) => /^\s*(type\s|$)/.test(name)) === true;
    edges.push({ from: file, to, typeOnly: match[2] !== undefined || allTypes });
  }
  return edges;
}

const files = new Set(sourceFiles(SRC));
const edges = [...files].flatMap(edgesOf);
const folderOf = (file: string): string => relative(SRC, file).split('/')[0]!;

function cycles(graph: Map<string, string[]>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string): void => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') found.push([...stack.slice(stack.indexOf(next)), next]);
      else if (state.get(next) === undefined) visit(next);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of graph.keys()) if (state.get(node) === undefined) visit(node);
  return found;
}

describe('core module graph', () => {
  it('reads a real graph (the parser finds the imports)', () => {
    expect(files.size).toBeGreaterThan(40);
    expect(edges.some((e) => relative(SRC, e.from) === 'map/match.ts')).toBe(true);
  });

  it('has no import cycle between files (type-only imports included)', () => {
    const graph = new Map<string, string[]>();
    for (const file of files) graph.set(file, []);
    for (const edge of edges) graph.get(edge.from)!.push(edge.to);
    const shown = cycles(graph).map((cycle) => cycle.map((f) => relative(SRC, f)).join(' -> '));
    expect(shown).toEqual([]);
  });

  it('has one folder per concept, each listed in the layering', () => {
    const folders = new Set([...files].map(folderOf).filter((f) => !f.endsWith('.ts')));
    expect([...folders].sort()).toEqual(Object.keys(allowed).sort());
  });

  it('depends downwards only: each folder imports only the folders below it', () => {
    const wrong = edges
      .filter((edge) => {
        const from = folderOf(edge.from);
        const to = folderOf(edge.to);
        if (from === to || from.endsWith('.ts')) return false; // the root index re-exports all
        return !(allowed[from as Folder] as readonly string[]).includes(to);
      })
      .map((edge) => `${relative(SRC, edge.from)} -> ${relative(SRC, edge.to)}`);
    expect(wrong).toEqual([]);
  });

  it('layers form no circle once type-only imports are set aside', () => {
    const graph = new Map<string, string[]>();
    for (const edge of edges) {
      const from = folderOf(edge.from);
      const to = folderOf(edge.to);
      if (edge.typeOnly || from === to || from.endsWith('.ts')) continue;
      graph.set(from, [...new Set([...(graph.get(from) ?? []), to])]);
    }
    expect(cycles(graph)).toEqual([]);
  });

  it('keeps the map that calls the analysis out of analyze.ts', () => {
    const analyze = join(SRC, 'map', 'analyze.ts');
    const targets = edges.filter((e) => e.from === analyze).map((e) => relative(SRC, e.to));
    expect(targets).not.toContain('map/match.ts');
  });
});
