import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

/** min+gzip size of what an edge proxy imports from core, built for the browser platform. */
export interface SizeFigure {
  entry: string;
  minified: number;
  gzip: number;
  includesZod: boolean;
}

async function measure(entry: string, code: string): Promise<SizeFigure> {
  const result = await build({
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
  ];
}
