import { listVersions, rollbackRedirects } from '@org/redirect-redis';
import {
  type CommandResult,
  colors,
  exitCodes,
  lines,
  type OutputOptions,
  toJson,
} from '../output';
import { type RedisFlags, redisFailure } from './redis-flags';

/** Options of {@link versions} and {@link rollback}. */
export interface RedisCommandOptions extends OutputOptions, RedisFlags {}

/**
 * `redirects versions --redis URL --key K`: the kept versions of a published map, newest
 * first, with the current one marked.
 *
 * Exit code 0, or 3 when Redis cannot be reached.
 *
 * @example
 * ```ts
 * const { stdout } = await versions({ redis: 'redis://127.0.0.1:6379', key: 'redirects:site', json: true });
 * ```
 */
export async function versions(options: RedisCommandOptions): Promise<CommandResult> {
  try {
    const list = await listVersions({ url: options.redis, key: options.key });
    if (options.json)
      return { exitCode: exitCodes.ok, stdout: toJson({ key: options.key, ...list }) };
    const c = colors(options.color);
    if (list.versions.length === 0) {
      return {
        exitCode: exitCodes.ok,
        stdout: lines([`Nothing is published under ${options.key}.`]),
      };
    }
    const rows = list.versions.map((v) => {
      const line = `${v.current ? '*' : ' '} ${v.version.padStart(6)}  ${v.time}  ${String(v.rules).padStart(7)} rules  ${v.hash.slice(0, 12)}  ${v.author}`;
      return v.current ? c.green(line) : line;
    });
    return {
      exitCode: exitCodes.ok,
      stdout: lines([c.bold(`Versions of ${options.key} (* current):`), ...rows]),
    };
  } catch (error) {
    return redisFailure(error, options);
  }
}

/**
 * `redirects rollback <version> --redis URL --key K`: points every instance back at a kept
 * version in one atomic step.
 *
 * Exit code 0, 1 when the version is not kept, 3 when Redis cannot be reached.
 *
 * @example
 * ```ts
 * await rollback('41', { redis: 'redis://127.0.0.1:6379', key: 'redirects:site' });
 * ```
 */
export async function rollback(
  version: string,
  options: RedisCommandOptions,
): Promise<CommandResult> {
  try {
    const result = await rollbackRedirects({ url: options.redis, key: options.key, version });
    if (options.json) {
      return {
        exitCode: exitCodes.ok,
        stdout: toJson({ key: options.key, ...result, previous: result.previous ?? null }),
      };
    }
    const was = result.previous ? ` (was ${result.previous})` : '';
    return {
      exitCode: exitCodes.ok,
      stdout: lines([
        colors(options.color).green(`${options.key} is now at version ${version}${was}.`),
      ]),
    };
  } catch (error) {
    return redisFailure(error, options);
  }
}
