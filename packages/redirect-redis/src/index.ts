/**
 * `@org/redirect-redis`: live redirect maps for a fleet. Publish a validated map to Redis (or
 * Valkey) once; every instance follows it and swaps to each new version atomically. The file
 * source for one machine is `@org/redirect-redis/file`.
 *
 * @packageDocumentation
 */

export type { Backoff, RedisClient } from './client';
export { diffRules, type RuleDiff } from './diff';
export {
  RedirectPublishError,
  RedirectSourceError,
  type RedirectSourceErrorKind,
} from './errors';
export type { LiveSourceEvents, RedirectSourceUpdate } from './live-source';
export {
  listVersions,
  type PublishOptions,
  type PublishResult,
  publishRedirects,
  type RedisTarget,
  readSnapshot,
  rollbackRedirects,
  type VersionInfo,
} from './publish';
export {
  createRedisRedirectSource,
  RedisRedirectSource,
  type RedisRedirectSourceOptions,
} from './redis-source';
export { type MatchingOptions, type RedirectSnapshot, snapshotHash } from './snapshot';
