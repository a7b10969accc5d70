// Bundles the benchmark sources; workspace and third-party packages stay external, so the
// benchmarks measure the built packages exactly as users get them. The test helpers ship as
// TypeScript sources, so they are bundled in.
const bundleTestUtils = {
  name: 'bundle-test-utils',
  setup(build) {
    build.onResolve({ filter: /^@org\/test-utils\// }, (args) => ({
      path: new URL(
        `../packages/test-utils/src/${args.path.slice('@org/test-utils/'.length)}.ts`,
        import.meta.url,
      ).pathname,
    }));
  },
};

import { build } from 'esbuild';

await build({
  entryPoints: ['src/run.ts', 'src/server.ts', 'src/redis-app.ts'],
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  plugins: [bundleTestUtils],
  logLevel: 'warning',
});
