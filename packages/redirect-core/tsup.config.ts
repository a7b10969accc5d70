import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig, type Options } from 'tsup';

// ESM keeps one output file per source module, so with `sideEffects: false` a bundler drops
// every module a consumer does not use (zod stays out of an edge bundle that only needs
// `nextRequest`). Relative imports stay imports, with the `.js` extension Node.js needs.
const keepModules: NonNullable<Options['esbuildPlugins']>[number] = {
  name: 'keep-modules',
  setup(build) {
    build.onResolve({ filter: /^\.\.?\// }, (args) => {
      if (args.kind === 'entry-point') return undefined;
      const base = join(args.resolveDir, args.path);
      const path = existsSync(`${base}.ts`) ? `${args.path}.js` : `${args.path}/index.js`;
      return { path, external: true };
    });
  },
};

export default defineConfig([
  {
    entry: ['src/**/*.ts', '!src/**/*.test.ts', '!src/**/*.test-d.ts', '!src/**/test-helpers.ts'],
    format: ['esm'],
    bundle: true,
    esbuildPlugins: [keepModules],
    dts: { entry: 'src/index.ts' },
    platform: 'neutral',
  },
  {
    entry: ['src/index.ts'],
    format: ['cjs'],
    dts: { entry: 'src/index.ts' },
    platform: 'neutral',
  },
]);
