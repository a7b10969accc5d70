// Bundles the benchmark sources; workspace and third-party packages stay external, so the
// benchmarks measure the built packages exactly as users get them.
import { build } from 'esbuild';

await build({
  entryPoints: ['src/run.ts', 'src/server.ts', 'src/redis-app.ts'],
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
});
