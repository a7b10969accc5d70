import { RedirectPublishError } from '@org/redirect-redis';
import {
  type CommandResult,
  errorMessage,
  exitCodes,
  failure,
  type OutputOptions,
} from '../output';

/** The flags every Redis command takes. */
export interface RedisFlags {
  /** The Redis (or Valkey) URL, `redis://host:port`. */
  readonly redis: string;
  /** The key the map is published under. */
  readonly key: string;
}

/**
 * A failed Redis command as a result: a refused publish or rollback exits 1, anything else
 * (refused connection, timeout, bad URL) exits 3 like a failed network request.
 */
export function redisFailure(error: unknown, options: OutputOptions): CommandResult {
  if (error instanceof RedirectPublishError) {
    return failure(exitCodes.findings, errorMessage(error), options);
  }
  return failure(
    exitCodes.network,
    `@org/redirect-cli: Redis: ${errorMessage(error) || String(error)}`,
    options,
  );
}
