import { createClient, type RedisClientType } from '@redis/client';

/** A connected `@redis/client` client (node-redis), as the functions of this package use it. */
export type RedisClient = RedisClientType;

/** Reconnection backoff. */
export interface Backoff {
  /** Milliseconds before the first retry. @default 100 */
  readonly minDelayMs?: number;
  /** Milliseconds between retries at most. @default 5000 */
  readonly maxDelayMs?: number;
}

/** Exponential backoff with full jitter, so a fleet does not reconnect in step. */
export function backoffDelay(retries: number, backoff: Backoff = {}): number {
  const min = backoff.minDelayMs ?? 100;
  const max = backoff.maxDelayMs ?? 5000;
  const ceiling = Math.min(max, min * 2 ** Math.min(retries, 20));
  return Math.round(min + Math.random() * Math.max(0, ceiling - min));
}

/**
 * A client that fails fast while `retry()` says no (start-up, one-shot commands) and then
 * reconnects with backoff; commands issued while disconnected fail at once instead of queueing.
 */
export function makeClient(
  url: string,
  options: { retry: () => boolean; backoff?: Backoff; connectTimeoutMs?: number },
): RedisClient {
  return createClient({
    url,
    disableOfflineQueue: true,
    socket: {
      connectTimeout: options.connectTimeoutMs ?? 5000,
      reconnectStrategy: (retries, cause) =>
        options.retry() ? backoffDelay(retries, options.backoff) : cause,
    },
  }) as RedisClient;
}

/** Runs `fn` with a client connected to `url` (no reconnects), and closes it. */
export async function withClient<T>(
  url: string,
  fn: (client: RedisClient) => Promise<T>,
  connectTimeoutMs?: number,
): Promise<T> {
  const client = makeClient(url, { retry: () => false, connectTimeoutMs });
  // Errors surface through the command promises; the listener keeps them from being thrown.
  client.on('error', () => {});
  await client.connect();
  try {
    return await fn(client);
  } finally {
    client.destroy();
  }
}
