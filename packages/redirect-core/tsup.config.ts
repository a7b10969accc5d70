import { defineConfig } from 'tsup';

export default defineConfig({
  entry: [
    'src/index.ts',
    'src/status/index.ts',
    'src/clients/index.ts',
    'src/next-request/index.ts',
    'src/guard/index.ts',
    'src/map/index.ts',
    'src/formats/index.ts',
    'src/headers/index.ts',
    'src/adapter/index.ts',
    'src/source/index.ts',
    'src/sources/index.ts',
  ],
  format: ['esm', 'cjs'],
  // Shared chunks in both formats: an error class is one class whichever subpath loads it.
  splitting: true,
  dts: true,
  clean: true,
  platform: 'neutral',
});
