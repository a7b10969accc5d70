import { createHash } from 'node:crypto';
import {
  createRedirectMap,
  type RedirectMap,
  type RedirectMapOptions,
  type RedirectRule,
  type RuleOrigin,
} from '@org/redirect-core';
import { z } from 'zod';
import { messageOf, RedirectSourceError } from './errors';

/** One published redirect map, as stored in Redis. Snapshots are never changed once written. */
export interface RedirectSnapshot {
  /** A decimal counter, `"1"`, `"2"`, ...: later publishes have larger numbers. */
  readonly version: string;
  readonly rules: readonly RedirectRule[];
  /** The file and line of each rule, where it was read from a file. */
  readonly origins: readonly (RuleOrigin | null)[];
  /**
   * How paths are compared (`caseSensitive`, `trailingSlash`), as the file's host does it:
   * Netlify compares with case, for one. Applied under the instance's own `mapOptions`.
   */
  readonly matching: MatchingOptions;
  /** SHA-256 (hex) of the stored rules, origins and matching options; checked on every read. */
  readonly hash: string;
  /** Who published it (the `author` option, or the user name of the publishing process). */
  readonly author: string;
  /** When it was published, as an ISO 8601 timestamp. */
  readonly time: string;
}

/** The matching options a snapshot carries: those of the file's host. */
export type MatchingOptions = Pick<RedirectMapOptions, 'caseSensitive' | 'trailingSlash'>;

/** The text of the `rules`, `origins` and `matching` fields, and their hash. */
export interface EncodedSnapshot {
  readonly rules: string;
  readonly origins: string;
  readonly matching: string;
  readonly hash: string;
}

/** SHA-256 (hex) over the rules, origins and matching text, as stored. */
export function snapshotHash(rules: string, origins: string, matching = '{}'): string {
  const hash = createHash('sha256').update(rules).update('\n').update(origins);
  return hash.update('\n').update(matching).digest('hex');
}

/** The stored text of the fields (missing origins become `null`), and their hash. */
export function encodeSnapshot(
  rules: readonly RedirectRule[],
  origins: readonly (RuleOrigin | undefined | null)[] = [],
  matching: MatchingOptions = {},
): EncodedSnapshot {
  const rulesText = JSON.stringify(rules);
  const originsText = JSON.stringify(rules.map((_, index) => origins[index] ?? null));
  const matchingText = JSON.stringify({
    ...(matching.caseSensitive !== undefined && { caseSensitive: matching.caseSensitive }),
    ...(matching.trailingSlash !== undefined && { trailingSlash: matching.trailingSlash }),
  });
  return {
    rules: rulesText,
    origins: originsText,
    matching: matchingText,
    hash: snapshotHash(rulesText, originsText, matchingText),
  };
}

// Everything read from Redis is checked before use: the hash fields, then the JSON inside them.
const fieldsSchema = z.object({
  version: z.string().regex(/^[1-9][0-9]*$/, 'must be a positive decimal version'),
  rules: z.string(),
  origins: z.string(),
  matching: z.string(),
  hash: z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 hex digest'),
  author: z.string(),
  time: z.iso.datetime({ offset: true }),
});

// Each rule is checked once, by createRedirectMap's own zod schema (compileSnapshot), which
// names the rule, its line and field: checking them here too would double the cost of a swap.
const rulesSchema = z.array(z.unknown(), { error: 'must be an array of rules' });
const matchingSchema = z
  .object({
    caseSensitive: z.boolean().optional(),
    trailingSlash: z.enum(['ignore', 'strict']).optional(),
  })
  .strict();
const originsSchema = z.array(
  z.object({ file: z.string().optional(), line: z.number().int().positive() }).nullable(),
);

function parseJson(text: string, field: string, version: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw snapshotError(version, `field "${field}" is not JSON (${messageOf(error)})`);
  }
}

function snapshotError(version: string, reason: string, cause?: unknown): RedirectSourceError {
  return new RedirectSourceError(
    'snapshot',
    `@org/redirect-redis: snapshot ${version} is invalid: ${reason.replace(/\.$/, '')}. The last good map stays in use; publish a fixed map or roll back.`,
    { version, cause },
  );
}

/**
 * A snapshot read from Redis (the fields of its hash), validated: field types, JSON, the hash
 * over rules and origins, and that the version is the one asked for.
 *
 * @throws `RedirectSourceError` of kind `snapshot`, naming the version and what is wrong.
 */
export function parseSnapshot(fields: unknown, version: string): RedirectSnapshot {
  if (typeof fields === 'object' && fields !== null && Object.keys(fields as object).length === 0) {
    throw snapshotError(version, 'it does not exist (expired, trimmed or never written)');
  }
  const parsed = fieldsSchema.safeParse(fields);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw snapshotError(version, `field "${issue?.path.join('.')}" ${issue?.message}`);
  }
  const data = parsed.data;
  if (data.version !== version) {
    throw snapshotError(version, `it says it is version ${data.version}`);
  }
  if (snapshotHash(data.rules, data.origins, data.matching) !== data.hash) {
    throw snapshotError(version, 'its rules do not match its hash (changed after publishing)');
  }
  const rules = rulesSchema.safeParse(parseJson(data.rules, 'rules', version));
  if (!rules.success) {
    const issue = rules.error.issues[0];
    throw snapshotError(
      version,
      `${['rules', ...(issue?.path ?? [])].join('.')} ${issue?.message}`,
    );
  }
  const origins = originsSchema.safeParse(parseJson(data.origins, 'origins', version));
  if (!origins.success) {
    const issue = origins.error.issues[0];
    throw snapshotError(
      version,
      `${['origins', ...(issue?.path ?? [])].join('.')} ${issue?.message}`,
    );
  }
  const matching = matchingSchema.safeParse(parseJson(data.matching, 'matching', version));
  if (!matching.success) {
    const issue = matching.error.issues[0];
    throw snapshotError(
      version,
      `${['matching', ...(issue?.path ?? [])].join('.')} ${issue?.message}`,
    );
  }
  return {
    version,
    rules: rules.data as unknown as RedirectRule[],
    matching: matching.data,
    origins: origins.data,
    hash: data.hash,
    author: data.author,
    time: data.time,
  };
}

/**
 * The compiled map of a snapshot.
 *
 * @throws `RedirectSourceError` of kind `snapshot` when a rule does not compile (the cause is
 *   core's `RedirectConfigError`, naming the rule, its line and field).
 */
export function compileSnapshot(
  snapshot: RedirectSnapshot,
  options: Omit<RedirectMapOptions, 'origins'> = {},
): RedirectMap {
  try {
    return createRedirectMap(snapshot.rules, {
      ...snapshot.matching,
      ...options,
      origins: snapshot.origins.map((origin) => origin ?? undefined),
    });
  } catch (error) {
    throw snapshotError(snapshot.version, messageOf(error), error);
  }
}
