import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

// What a browser or edge bundle of each entry costs: the built ESM entry (what a bundler reads
// from the package) bundled with esbuild for the browser, minified, gzipped by node:zlib at
// level 9. Figures and history: bench/BENCHMARKS.md, "Bundle sizes per entry".

const DIST = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');

/**
 * Budgets in gzipped bytes (1 KB = 1,000 bytes). `root` is the size of the root entry before
 * the entries were split (commit cbad6ee, the single-file build: 129,046 bytes).
 */
const budgets = [
  { name: '/guard', entries: ['guard'], maxGzip: 5_000 },
  // Issue #14. The titles and URLs of `sources` live in /sources, so this pair carries ids.
  { name: '/next-request + /status', entries: ['next-request', 'status'], maxGzip: 15_000 },
  // Holds the Netlify and Next.js matchers (path-to-regexp 6) of issue #16; the map file's JSON
  // Schema (zod's JSON-Schema code) lives in /formats to keep this entry in budget.
  { name: '/map', entries: ['map'], maxGzip: 35_000 },
  { name: 'root', entries: ['.'], maxGzip: 129_046 },
] as const satisfies readonly { name: string; entries: readonly string[]; maxGzip: number }[];

/** Entries whose bundle must not hold zod: they validate no input. */
const zodFree = ['status', 'sources', 'next-request', 'guard', 'headers'] as const;

async function bundle(entries: readonly string[]): Promise<{ gzip: number; inputs: string[] }> {
  const files = entries.map((entry) => join(DIST, entry, 'index.js'));
  for (const file of files) {
    if (!existsSync(file)) {
      throw new Error(
        `${file} is missing: build core first (cd packages/redirect-core && npx tsup); npm test builds before testing.`,
      );
    }
  }
  const result = await build({
    stdin: {
      contents: files.map((file) => `export * from ${JSON.stringify(file)};`).join('\n'),
      resolveDir: DIST,
      loader: 'js',
    },
    bundle: true,
    minify: true,
    write: false,
    platform: 'browser',
    format: 'esm',
    metafile: true,
    logLevel: 'silent',
  });
  const bytes = result.outputFiles[0]!.contents;
  const output = Object.values(result.metafile.outputs)[0]!;
  // Modules esbuild read but tree-shook away have no bytes in the output.
  const inputs = Object.entries(output.inputs)
    .filter(([, input]) => input.bytesInOutput > 0)
    .map(([path]) => path);
  return { gzip: gzipSync(bytes, { level: 9 }).length, inputs };
}

describe('bundle size per entry (esbuild, browser, minified, gzip)', () => {
  it.each(budgets)('$name stays within $maxGzip bytes gzipped', async ({ entries, maxGzip }) => {
    const { gzip } = await bundle(entries);
    expect(gzip).toBeGreaterThan(200);
    expect(gzip).toBeLessThanOrEqual(maxGzip);
  });

  it.each(zodFree)('the %s entry bundles without zod', async (entry) => {
    const { inputs } = await bundle([entry]);
    expect(inputs.filter((input) => input.includes('node_modules/zod/'))).toEqual([]);
  });

  it('the map entry loads zod (the check above can see it)', async () => {
    const { inputs } = await bundle(['map']);
    expect(inputs.some((input) => input.includes('node_modules/zod/'))).toBe(true);
  });
});
