import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

/** min+gzip size of what an edge proxy imports from core, built for the browser platform. */
export interface SizeFigure {
  entry: string;
  minified: number;
  gzip: number;
  includesZod: boolean;
}

async function measure(entry: string, code: string, external: string[] = []): Promise<SizeFigure> {
  const result = await build({
    external,
    stdin: { contents: code, resolveDir: process.cwd(), loader: 'ts' },
    bundle: true,
    minify: true,
    write: false,
    platform: 'browser',
    format: 'esm',
    metafile: true,
    logLevel: 'silent',
  });
  const bytes = result.outputFiles[0]!.contents;
  // Modules esbuild read but tree-shook away entirely have no bytes in the output.
  const output = Object.values(result.metafile.outputs)[0]!;
  const inputs = Object.entries(output.inputs)
    .filter(([, input]) => input.bytesInOutput > 0)
    .map(([path]) => path);
  return {
    entry,
    minified: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    includesZod: inputs.some((input) => input.includes('node_modules/zod/')),
  };
}

/** Core's entries, root first. */
export const coreEntries = [
  '@org/redirect-core',
  '@org/redirect-core/status',
  '@org/redirect-core/next-request',
  '@org/redirect-core/guard',
  '@org/redirect-core/map',
  '@org/redirect-core/formats',
  '@org/redirect-core/headers',
  '@org/redirect-core/adapter',
] as const;

/** The sizes of the edge entry, with and without the redirect map. */
export async function benchSize(): Promise<SizeFigure[]> {
  return [
    await measure(
      'nextRequest + redirectStatuses + createRedirectMap',
      "export { nextRequest, redirectStatuses, createRedirectMap } from '@org/redirect-core';",
    ),
    await measure(
      'nextRequest + redirectStatuses',
      "export { nextRequest, redirectStatuses } from '@org/redirect-core';",
    ),
    // What @org/redirect-hono adds to a Worker, Deno or Bun bundle (Hono itself left out).
    await measure(
      '@org/redirect-hono: redirects + redirectTo + redirectBack (hono external)',
      "export { redirects, redirectTo, redirectBack } from '@org/redirect-hono';",
      ['hono', 'hono/*'],
    ),
    // A whole edge app: Hono with the redirect middleware, against the same app without it.
    await measure(
      'Hono app with redirects()',
      "import { Hono } from 'hono'; import { redirects } from '@org/redirect-hono'; export default new Hono().use('*', redirects([])).get('/', (c) => c.text('ok'));",
    ),
    // Every entry of core, as a consumer bundles it (see "Bundle sizes per entry").
    ...(await Promise.all(coreEntries.map((entry) => measure(entry, `export * from '${entry}';`)))),
    await measure(
      '@org/redirect-core/next-request + @org/redirect-core/status',
      "export * from '@org/redirect-core/next-request'; export * from '@org/redirect-core/status';",
    ),
    await measure(
      'Hono app alone (baseline)',
      "import { Hono } from 'hono'; export default new Hono().get('/', (c) => c.text('ok'));",
    ),
  ];
}
