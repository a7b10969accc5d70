import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  platform: 'neutral',
  // The adapter never loads Next.js at run time; keep it out of the bundle should that change.
  external: ['next', 'next/server'],
});
