import { userInfo } from 'node:os';
import {
  createRedirectMap,
  type Finding,
  type RedirectRule,
  type RuleOrigin,
} from '@org/redirect-core';
import { z } from 'zod';
import { type RedisClient, withClient } from './client';
import { messageOf, RedirectPublishError } from './errors';
import { keysOf } from './keys';
import { publishScript, rollbackScript } from './scripts';
import {
  encodeSnapshot,
  type MatchingOptions,
  parseSnapshot,
  type RedirectSnapshot,
} from './snapshot';

/** Where a map is published: a Redis URL (or a connected client) and the key. */
export interface RedisTarget {
  /** The Redis (or Valkey) URL. Ignored when `client` is given. */
  readonly url?: string;
  /** A connected `@redis/client` client to use instead of opening one. */
  readonly client?: RedisClient;
  /** The key the map lives under; instances follow the same key. */
  readonly key: string;
}

/** Options of {@link publishRedirects}. */
export interface PublishOptions extends RedisTarget {
  readonly rules: readonly RedirectRule[];
  /** The file and line of each rule, kept with the snapshot for error messages. */
  readonly origins?: readonly (RuleOrigin | undefined)[];
  /**
   * How instances compare paths, as the file's host does (`parseRedirects` returns it as
   * `options`: Netlify compares with case). An instance's own `mapOptions` win.
   */
  readonly matching?: MatchingOptions;
  /** Who publishes. @default the user name of this process */
  readonly author?: string;
  /** How many versions to keep for rollback (the current one is always kept). @default 10 */
  readonly keep?: number;
  /** Run `analyzeRedirects` and refuse on findings of severity `error` (loops...). @default true */
  readonly analyze?: boolean;
  /** Publish despite analysis errors. Rules that do not compile are always refused. @default false */
  readonly force?: boolean;
}

/** What {@link publishRedirects} did. */
export interface PublishResult {
  /** The new version, now current everywhere. */
  readonly version: string;
  /** The version it replaced, if any. */
  readonly previous: string | undefined;
  /** SHA-256 of the stored rules and origins. */
  readonly hash: string;
  /** Every analysis finding (empty when `analyze: false`). */
  readonly findings: readonly Finding[];
}

const targetSchema = z.object({
  url: z
    .string()
    .regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL')
    .optional(),
  client: z.custom<RedisClient>((value) => typeof value === 'object' && value !== null).optional(),
  key: z.string().min(1, 'must not be empty').regex(/^\S+$/, 'must not hold spaces'),
});

const publishSchema = targetSchema.extend({
  rules: z.array(z.unknown(), { error: 'must be an array of redirect rules' }),
  origins: z.array(z.unknown()).optional(),
  matching: z
    .object({
      caseSensitive: z.boolean().optional(),
      trailingSlash: z.enum(['ignore', 'strict']).optional(),
    })
    .strict()
    .optional(),
  author: z.string().optional(),
  keep: z.number().int().min(1).max(1000).optional(),
  analyze: z.boolean().optional(),
  force: z.boolean().optional(),
});

function check<T>(schema: z.ZodType<T>, input: unknown, what: string): T {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new RedirectPublishError(
    `@org/redirect-redis: ${what} option "${issue?.path.join('.') || 'options'}" ${issue?.message}.`,
  );
}

async function using<T>(target: RedisTarget, fn: (client: RedisClient) => Promise<T>): Promise<T> {
  if (target.client) return fn(target.client);
  if (target.url === undefined) {
    throw new RedirectPublishError('@org/redirect-redis: pass `url` or `client`.');
  }
  return withClient(target.url, fn);
}

/**
 * Validates `rules` (they must compile; with `analyze`, no error findings unless `force`),
 * stores them as a new immutable version and points every instance at it in one atomic step,
 * then announces it on the key's channel. Versions beyond `keep` are dropped.
 *
 * @throws `RedirectConfigError` for rules that do not compile (naming rule, line and field),
 *   `RedirectPublishError` for analysis errors or bad options; connection errors as thrown by
 *   the client.
 * @example
 * ```ts
 * const { version } = await publishRedirects({ url: 'redis://127.0.0.1:6379', key: 'redirects:site', rules });
 * ```
 */
export async function publishRedirects(options: PublishOptions): Promise<PublishResult> {
  check(publishSchema, options, 'publishRedirects');
  const { rules, origins = [], keep = 10 } = options;
  // Compiling is the validation instances will do: refuse here what they would refuse there.
  const map = createRedirectMap(rules, { ...options.matching, origins });
  const findings = options.analyze === false ? [] : map.analyze();
  const errors = findings.filter((finding) => finding.severity === 'error');
  if (errors.length > 0 && options.force !== true) {
    throw new RedirectPublishError(
      `@org/redirect-redis: not published: ${errors.length} error(s) in the map (${errors
        .slice(0, 3)
        .map((finding) => finding.message)
        .join('; ')}). Fix them, or pass force.`,
      errors,
    );
  }
  const encoded = encodeSnapshot(rules, origins, options.matching);
  const author = options.author ?? safeUserName();
  const reply = await using(options, (client) =>
    client.eval(publishScript, {
      arguments: [
        options.key,
        encoded.rules,
        encoded.origins,
        encoded.matching,
        encoded.hash,
        author,
        new Date().toISOString(),
        String(keep),
      ],
    }),
  );
  const [version, previous] = z.tuple([z.string(), z.string()]).parse(reply);
  return { version, previous: previous || undefined, hash: encoded.hash, findings };
}

function safeUserName(): string {
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}

/** One kept version, as {@link listVersions} reports it. */
export interface VersionInfo {
  readonly version: string;
  readonly hash: string;
  readonly author: string;
  readonly time: string;
  /** How many rules it holds. */
  readonly rules: number;
  readonly current: boolean;
}

/**
 * The kept versions under `key`, newest first, and the current one (which a rollback may
 * have pointed at an older version).
 *
 * @example
 * ```ts
 * const { current, versions } = await listVersions({ url, key: 'redirects:site' });
 * ```
 */
export async function listVersions(
  target: RedisTarget,
): Promise<{ current: string | undefined; versions: VersionInfo[] }> {
  check(targetSchema, target, 'listVersions');
  const keys = keysOf(target.key);
  return using(target, async (client) => {
    const current = (await client.get(keys.current)) ?? undefined;
    const names = z
      .array(z.string())
      .parse(await client.zRange(keys.versions, 0, -1, { REV: true }));
    const versions: VersionInfo[] = [];
    for (const version of names) {
      const snapshot = parseSnapshot(await client.hGetAll(keys.snapshot(version)), version);
      versions.push({
        version,
        hash: snapshot.hash,
        author: snapshot.author,
        time: snapshot.time,
        rules: snapshot.rules.length,
        current: version === current,
      });
    }
    return { current, versions };
  });
}

/**
 * The snapshot of `version` (default: the current one), validated, or `undefined` when
 * nothing is published.
 *
 * @throws `RedirectSourceError` of kind `snapshot` when the stored snapshot is invalid.
 */
export async function readSnapshot(
  target: RedisTarget & { readonly version?: string },
): Promise<RedirectSnapshot | undefined> {
  check(targetSchema, { url: target.url, client: target.client, key: target.key }, 'readSnapshot');
  const keys = keysOf(target.key);
  return using(target, async (client) => {
    const version = target.version ?? (await client.get(keys.current));
    if (version === null) return undefined;
    return parseSnapshot(await client.hGetAll(keys.snapshot(version)), version);
  });
}

/** @internal Rollback through a connected client. */
export async function rollbackWith(
  client: RedisClient,
  key: string,
  version: string,
): Promise<{ version: string; previous: string | undefined }> {
  let reply: unknown;
  try {
    reply = await client.eval(rollbackScript, { arguments: [key, version] });
  } catch (error) {
    if (/NOVERSION/.test(messageOf(error))) {
      throw new RedirectPublishError(
        `@org/redirect-redis: version ${version} is not kept under ${key}; \`redirects versions\` lists the kept ones.`,
      );
    }
    throw error;
  }
  const previous = z.string().parse(reply);
  return { version, previous: previous || undefined };
}

/**
 * Points every instance back at a kept `version` in one atomic step and announces it. The
 * versions themselves are untouched, so a later rollback can go forward again.
 *
 * @throws `RedirectPublishError` when the version is not kept.
 * @example
 * ```ts
 * await rollbackRedirects({ url, key: 'redirects:site', version: '41' });
 * ```
 */
export async function rollbackRedirects(
  options: RedisTarget & { readonly version: string },
): Promise<{ version: string; previous: string | undefined }> {
  check(
    targetSchema.extend({ version: z.string().regex(/^[1-9][0-9]*$/, 'must be a version number') }),
    options,
    'rollbackRedirects',
  );
  return using(options, (client) => rollbackWith(client, options.key, options.version));
}
