import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { expect, it } from 'vitest';

// Core must run on edge runtimes: bundle it for a platform with no Node.js built-ins and make
// sure nothing in the graph reaches for one.
it('bundles for a neutral platform with no Node.js built-in', async () => {
  const result = await build({
    entryPoints: [fileURLToPath(new URL('./index.ts', import.meta.url))],
    bundle: true,
    write: false,
    platform: 'neutral',
    mainFields: ['module', 'main'],
    format: 'esm',
    metafile: true,
    logLevel: 'silent',
  });
  const inputs = Object.keys(result.metafile.inputs);
  expect(inputs.some((input) => input.endsWith('src/index.ts'))).toBe(true);
  const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
  for (const output of Object.values(result.metafile.outputs)) {
    for (const imported of output.imports) expect(builtins.has(imported.path)).toBe(false);
  }
});
