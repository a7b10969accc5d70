import type { RedirectMapOptions } from '@org/redirect-core';
import { z } from 'zod';
import { type Backoff, makeClient, type RedisClient } from './client';
import { messageOf, RedirectSourceError } from './errors';
import { loadRedirectFile } from './file/load';
import { keysOf } from './keys';
import { LiveSource } from './live-source';
import { rollbackWith } from './publish';
import { readScript } from './scripts';
import { compileSnapshot, parseSnapshot } from './snapshot';

/** Options of {@link createRedisRedirectSource}. */
export interface RedisRedirectSourceOptions {
  /** The Redis (or Valkey) URL: `redis://[[user]:password@]host[:port][/db]`, or `rediss://`. */
  readonly url: string;
  /** The key the map is published under (the same as `publishRedirects`' `key`). */
  readonly key: string;
  /**
   * A local redirect file to serve when Redis cannot be reached at start-up (or nothing is
   * published yet). Without it, start-up fails. The source switches to Redis once it connects.
   */
  readonly fallbackFile?: string;
  /** Options of every compiled map (`base`, `cache`, `caseSensitive`, `trailingSlash`). */
  readonly mapOptions?: Omit<RedirectMapOptions, 'origins'>;
  /** Reconnection backoff. @default { minDelayMs: 100, maxDelayMs: 5000 } */
  readonly backoff?: Backoff;
  /**
   * Milliseconds between checks of the current version, in case a notification was lost.
   * `0` turns polling off. @default 30000
   */
  readonly pollIntervalMs?: number;
  /** Milliseconds to wait for a connection. @default 5000 */
  readonly connectTimeoutMs?: number;
}

const optionsSchema = z.object({
  url: z.string().regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL'),
  key: z.string().min(1, 'must not be empty').regex(/^\S+$/, 'must not hold spaces'),
  fallbackFile: z.string().min(1).optional(),
  mapOptions: z.record(z.string(), z.unknown()).optional(),
  backoff: z
    .object({
      minDelayMs: z.number().int().positive().optional(),
      maxDelayMs: z.number().int().positive().optional(),
    })
    .strict()
    .optional(),
  pollIntervalMs: z.number().int().nonnegative().optional(),
  connectTimeoutMs: z.number().int().positive().optional(),
});

// The reply of the read script: nothing published, an unchanged version, or a new snapshot.
const readReplySchema = z.union([
  z.tuple([]),
  z.tuple([z.string()]),
  z.tuple([z.string(), z.array(z.string())]),
]);

const fieldsOf = (flat: readonly string[]) => {
  const fields: Record<string, string> = {};
  for (let i = 0; i + 1 < flat.length; i += 2) fields[flat[i]!] = flat[i + 1]!;
  return fields;
};

/** Checks options, throwing a `TypeError` that names the field. */
export function checkSourceOptions(options: unknown): RedisRedirectSourceOptions {
  const parsed = optionsSchema.safeParse(options);
  if (parsed.success) return options as RedisRedirectSourceOptions;
  const issue = parsed.error.issues[0];
  throw new TypeError(
    `@org/redirect-redis: option "${issue?.path.join('.') || 'options'}" ${issue?.message}.`,
  );
}

/**
 * A redirect map published to Redis, followed live: the source for a fleet. Each instance
 * holds the compiled map of the current version; when a publish or rollback is announced it
 * reads the new snapshot, validates and compiles it beside the map in use (never in a request)
 * and swaps one reference. Requests in flight finish on the old map.
 *
 * Failures never take the map away: a bad snapshot keeps the last good map (`error` event,
 * kind `snapshot`); a lost connection keeps serving, reconnects with backoff and catches up
 * on the version published meanwhile.
 */
export class RedisRedirectSource extends LiveSource {
  readonly #options: RedisRedirectSourceOptions;
  readonly #keys: ReturnType<typeof keysOf>;
  readonly #client: RedisClient;
  readonly #subscriber: RedisClient;
  #retry = false;
  #closed = false;
  #down = false;
  #hash = '';
  #failed = { version: '', hash: '' };
  #refreshing: Promise<void> | undefined;
  #again = false;
  #poll: NodeJS.Timeout | undefined;

  /** @internal Use {@link createRedisRedirectSource}. */
  constructor(options: RedisRedirectSourceOptions) {
    // The placeholder map is replaced before the source is handed out.
    super({ match: () => null, analyze: () => [], rules: [], size: 0 }, undefined);
    this.#options = options;
    this.#keys = keysOf(options.key);
    const clientOptions = {
      retry: () => this.#retry && !this.#closed,
      ...(options.backoff && { backoff: options.backoff }),
      ...(options.connectTimeoutMs && { connectTimeoutMs: options.connectTimeoutMs }),
    };
    this.#client = makeClient(options.url, clientOptions);
    this.#subscriber = makeClient(options.url, clientOptions);
    for (const client of [this.#client, this.#subscriber]) {
      let lost = false;
      client.on('error', (error: unknown) => {
        lost = true;
        this.#connectionLost(error);
      });
      // After each client's reconnect (the subscriber's comes after it resubscribed), read the
      // pointer: publishes made while it was down were not heard.
      client.on('ready', () => {
        if (!lost) return;
        lost = false;
        if (this.#client.isReady && this.#subscriber.isReady) this.#down = false;
        if (this.#retry) void this.refresh();
      });
    }
  }

  /** @internal Connects, subscribes and loads the current map (or the fallback file). */
  async start(): Promise<this> {
    try {
      await this.#client.connect();
      await this.#subscriber.connect();
      // Subscribe before the first read, so a publish in between is not missed.
      await this.#subscriber.subscribe(this.#keys.channel, () => void this.refresh());
      await this.#load(true);
    } catch (error) {
      if (this.#options.fallbackFile === undefined) {
        await this.close();
        throw error instanceof RedirectSourceError
          ? error
          : new RedirectSourceError(
              'connection',
              `@org/redirect-redis: cannot load the redirect map from ${redact(this.#options.url)} (key ${this.#options.key}): ${messageOf(error)}. Start Redis, or pass fallbackFile.`,
              { cause: error },
            );
      }
      const file = await loadRedirectFile(this.#options.fallbackFile, {
        ...(this.#options.mapOptions && { mapOptions: this.#options.mapOptions }),
      });
      this.swap(file.map, `file:${file.version}`);
      // Serving the file is the documented answer to this failure, so it is not an error event:
      // `version` starts with `file:` and `connected` is false until Redis answers.
      this.#retry = true;
      this.#down = true;
      this.#connectInBackground();
      this.#startPolling();
      return this;
    }
    this.#retry = true;
    this.#startPolling();
    return this;
  }

  /**
   * Reads the current version and swaps to it if it is new; resolves when done. Notifications,
   * reconnects and polling call it; concurrent calls share one read (plus one more, if asked
   * while a read was running, so the latest publish is never skipped).
   */
  refresh(): Promise<void> {
    if (this.#refreshing) {
      this.#again = true;
      return this.#refreshing;
    }
    this.#refreshing = (async () => {
      do {
        this.#again = false;
        try {
          await this.#load(false);
        } catch (error) {
          // Connection failures are reported by the client's error event; the rest here.
          if (error instanceof RedirectSourceError) this.fail(error);
          else if (!this.#down && this.#client.isReady) {
            this.fail(
              new RedirectSourceError(
                'connection',
                `@org/redirect-redis: reading ${this.#options.key} failed: ${messageOf(error)}`,
                { cause: error, version: this.version },
              ),
            );
          }
        }
      } while (this.#again && !this.#closed);
    })().finally(() => {
      this.#refreshing = undefined;
    });
    return this.#refreshing;
  }

  /**
   * Points every instance at a kept version (see `rollbackRedirects`), through this source's
   * connection.
   */
  async rollback(version: string): Promise<{ version: string; previous: string | undefined }> {
    return rollbackWith(this.#client, this.#options.key, version);
  }

  /** Whether the connection to Redis is up now. */
  get connected(): boolean {
    return this.#client.isReady && this.#subscriber.isReady;
  }

  /** Closes both connections and stops polling. The map in use stays available. */
  async close(): Promise<void> {
    this.#closed = true;
    clearInterval(this.#poll);
    for (const client of [this.#subscriber, this.#client]) {
      try {
        if (client.isOpen) client.destroy();
      } catch {
        // Already closed.
      }
    }
  }

  async #load(startup: boolean): Promise<void> {
    const { key } = this.#options;
    const reply = await this.#client.eval(readScript, {
      arguments: [key, this.version ?? '', this.#hash, this.#failed.version, this.#failed.hash],
    });
    const parsed = readReplySchema.safeParse(reply);
    if (!parsed.success) {
      throw new RedirectSourceError(
        'snapshot',
        `@org/redirect-redis: unexpected reply reading ${key}: ${JSON.stringify(reply).slice(0, 200)}`,
      );
    }
    const [version, flat] = parsed.data;
    if (version === undefined) {
      const error = new RedirectSourceError(
        'missing',
        `@org/redirect-redis: nothing is published under ${key}; run \`redirects publish <file> --redis URL --key ${key}\``,
      );
      if (startup) throw error;
      return;
    }
    if (flat === undefined) return;
    const fields = fieldsOf(flat);
    try {
      const snapshot = parseSnapshot(fields, version);
      // Let waiting requests run between the two long steps (on the map still in use).
      await new Promise((resolve) => setImmediate(resolve));
      const map = compileSnapshot(snapshot, this.#options.mapOptions);
      this.#hash = snapshot.hash;
      this.swap(map, version);
      this.#failed = { version: '', hash: '' };
    } catch (error) {
      // Remembered so that polling does not report the same bad snapshot again and again.
      this.#failed = { version, hash: fields.hash ?? '' };
      throw error;
    }
  }

  #connectionLost(error: unknown): void {
    const wasDown = this.#down;
    this.#down = true;
    // One report per outage; start-up failures are thrown by start() instead.
    if (this.#closed || wasDown || !this.#retry) return;
    this.fail(
      new RedirectSourceError(
        'connection',
        `@org/redirect-redis: lost Redis (${messageOf(error)}); serving version ${this.version} and reconnecting`,
        { cause: error, version: this.version },
      ),
    );
  }

  #connectInBackground(): void {
    const connect = async () => {
      try {
        if (!this.#client.isOpen) await this.#client.connect();
        if (!this.#subscriber.isOpen) {
          await this.#subscriber.connect();
          await this.#subscriber.subscribe(this.#keys.channel, () => void this.refresh());
        }
        this.#down = false;
        await this.refresh();
      } catch {
        // connect() gives up only when closed.
      }
    };
    void connect();
  }

  #startPolling(): void {
    const every = this.#options.pollIntervalMs ?? 30_000;
    if (every > 0) {
      this.#poll = setInterval(() => void this.refresh(), every);
      this.#poll.unref();
    }
  }
}

/** The URL without its password, for messages. */
function redact(url: string): string {
  return url.replace(/\/\/([^@/]*):[^@/]*@/, '//$1:***@');
}

/**
 * Connects to Redis, loads the map published under `key` and follows every later publish and
 * rollback. Pass the source to any adapter (Koa, Fastify, Express, Hono, the Next.js proxy).
 *
 * @throws `RedirectSourceError` when Redis cannot be reached or nothing valid is published,
 *   unless `fallbackFile` is given (then that file is served until Redis answers).
 * @example
 * ```ts
 * const source = await createRedisRedirectSource({ url: 'redis://127.0.0.1:6379', key: 'redirects:site' });
 * source.on('error', (error) => log.warn(error.message)); // bad snapshot, lost connection
 * app.use(redirects(source));
 * ```
 */
export async function createRedisRedirectSource(
  options: RedisRedirectSourceOptions,
): Promise<RedisRedirectSource> {
  return new RedisRedirectSource(checkSourceOptions(options)).start();
}
