import { defineConfig } from 'tsup';

export default defineConfig({
  entry: [
    'src/index.ts',
    'src/status/index.ts',
    'src/next-request/index.ts',
    'src/guard/index.ts',
    'src/map/index.ts',
    'src/formats/index.ts',
    'src/headers/index.ts',
    'src/adapter/index.ts',
  ],
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  platform: 'neutral',
});
