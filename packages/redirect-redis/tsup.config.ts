import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts', file: 'src/file/index.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  platform: 'node',
});
