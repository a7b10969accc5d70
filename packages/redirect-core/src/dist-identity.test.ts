import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

// The built package, loaded as a consumer loads it: an error thrown through one subpath is an
// instance of the class exported by another (and by the root), in ESM and in CJS. tsup's
// shared chunks (`splitting: true`) make each class one class.

const DIST = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const require = createRequire(import.meta.url);

type Module = Record<string, unknown>;
type Loader = (entry: string) => Promise<Module>;

function file(entry: string, extension: 'js' | 'cjs'): string {
  const path = join(DIST, entry, `index.${extension}`);
  if (!existsSync(path)) {
    throw new Error(
      `${path} is missing: build core first (cd packages/redirect-core && npx tsup).`,
    );
  }
  return path;
}

const loaders: [string, Loader][] = [
  ['ESM', (entry) => import(pathToFileURL(file(entry, 'js')).href) as Promise<Module>],
  ['CJS', async (entry) => require(file(entry, 'cjs')) as Module],
];

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe.each(loaders)('%s build: one class per error across entries', (_, load) => {
  it('RedirectConfigError from /map is the root export', async () => {
    const [root, map] = await Promise.all([load('.'), load('map')]);
    expect(map.RedirectConfigError).toBe(root.RedirectConfigError);
    const createRedirectMap = map.createRedirectMap as (rules: unknown) => unknown;
    const error = thrown(() => createRedirectMap([{ from: 'old', to: '/new' }]));
    expect(error).toBeInstanceOf(root.RedirectConfigError as new () => Error);
  });

  it('RedirectGuardOptionsError from /guard is the root export', async () => {
    const [root, guard] = await Promise.all([load('.'), load('guard')]);
    const create = guard.createRedirectGuard as (options: unknown) => unknown;
    const error = thrown(() => create({ base: 'nope' }));
    expect(error).toBeInstanceOf(root.RedirectGuardOptionsError as new () => Error);
    expect(error).toBeInstanceOf(guard.RedirectGuardOptionsError as new () => Error);
  });

  it('RedirectParseError from /formats is the root export', async () => {
    const [root, formats] = await Promise.all([load('.'), load('formats')]);
    const parse = formats.parseRedirects as (text: string, format: string) => unknown;
    const error = thrown(() => parse('[{ "from": 1 }]', 'json'));
    expect(error).toBeInstanceOf(root.RedirectParseError as new () => Error);
  });

  it('a map built through /map is accepted by /adapter (same map class)', async () => {
    const [map, adapter] = await Promise.all([load('map'), load('adapter')]);
    const built = (map.createRedirectMap as (rules: unknown) => unknown)([
      { from: '/a', to: '/b' },
    ]);
    expect((adapter.isRedirectMap as (value: unknown) => boolean)(built)).toBe(true);
    const error = thrown(() =>
      (adapter.toRedirectMap as (input: unknown) => unknown)([{ from: 'a', to: '/b' }]),
    );
    expect(error).toBeInstanceOf(map.RedirectConfigError as new () => Error);
  });
});
