/**
 * The Redis keys of one published redirect map, all under `key`:
 *
 * - `key:seq` the version counter (`INCR`);
 * - `key:v:<version>` one immutable snapshot (a hash: rules, origins, hash, author, time);
 * - `key:versions` the kept versions (a sorted set scored by version number);
 * - `key:current` the version in use (a string, changed atomically);
 * - `key:updates` the pub/sub channel a version number is published on after each change.
 *
 * The scripts build `key:v:<version>` names themselves, so they need a single Redis (or a
 * cluster with every key in one hash slot: use a key such as `{redirects}:site`).
 */
export const keysOf = (key: string) =>
  ({
    seq: `${key}:seq`,
    versions: `${key}:versions`,
    current: `${key}:current`,
    channel: `${key}:updates`,
    snapshot: (version: string) => `${key}:v:${version}`,
  }) as const;
