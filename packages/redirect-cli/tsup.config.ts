import { defineConfig } from 'tsup';

export default defineConfig([
  {
    entry: ['src/index.ts'],
    format: ['esm', 'cjs'],
    dts: true,
    clean: true,
    platform: 'node',
  },
  // Run by the committed launcher bin/redirects.js.
  {
    entry: ['src/cli.ts'],
    format: ['esm'],
    platform: 'node',
  },
]);
