// Completes package-lock.json with the optional, platform-specific packages (esbuild, Biome,
// turbo, Next.js SWC, rollup... builds for other operating systems and CPUs) that the package
// registry this project is developed against does not serve. npm leaves them out of the lock
// when it cannot fetch their manifests, and `npm ci` then refuses the lock as out of sync.
// Each entry is recorded with its version and `optional: true`: on a machine where the package
// does not apply or cannot be fetched it is skipped, as optional dependencies are.
// Runs as the root `postinstall`; it changes nothing when the lock is already complete.
import { readFileSync, writeFileSync } from 'node:fs';

const file = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(file, 'utf8'));
const packages = lock.packages ?? {};

// Where Node's resolution would look for `name` from the package at `path`, nearest first.
function lookupPaths(path, name) {
  const paths = [];
  let base = path;
  while (base) {
    paths.push(`${base}/node_modules/${name}`);
    const cut = base.lastIndexOf('/node_modules/');
    base = cut === -1 ? '' : base.slice(0, cut);
  }
  paths.push(`node_modules/${name}`);
  return paths;
}

let added = 0;
const parents = Object.keys(packages).sort((a, b) => a.split('/').length - b.split('/').length);
for (const path of parents) {
  const entry = packages[path];
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const found = lookupPaths(path, name).find((candidate) => packages[candidate]);
    if (found) continue;
    const top = `node_modules/${name}`;
    const target = packages[top] || path === '' ? `${path ? `${path}/` : ''}node_modules/${name}` : top;
    const record = { version, optional: true };
    if (entry.dev) record.dev = true;
    packages[target] = record;
    added++;
  }
}

if (added > 0) {
  lock.packages = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  // The root entry ("") must stay first.
  const { '': root, ...rest } = lock.packages;
  lock.packages = { '': root, ...rest };
  writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
  console.log(`complete-lockfile: recorded ${added} optional platform packages`);
}
