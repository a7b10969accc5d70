import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RedirectConfigError, type RedirectRule } from '@org/redirect-core';
import { freePort } from '@org/test-utils/port';
import { locationIn, type RedisServer, startRedis, until } from '@org/test-utils/redis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { withClient } from './client';
import { RedirectPublishError, RedirectSourceError } from './errors';
import { listVersions, publishRedirects, readSnapshot, rollbackRedirects } from './publish';
import { createRedisRedirectSource, type RedisRedirectSource } from './redis-source';

let redis: RedisServer;
const scratch = mkdtempSync(join(tmpdir(), 'redirect-redis-source-'));
const open: RedisRedirectSource[] = [];
let keyCount = 0;
const freshKey = () => `redirects:test${++keyCount}`;

beforeAll(async () => {
  redis = await startRedis();
});
afterEach(async () => {
  await Promise.all(open.splice(0).map((source) => source.close()));
});
afterAll(async () => {
  await redis?.stop();
  rmSync(scratch, { recursive: true, force: true });
});

const rulesFor = (tag: string): RedirectRule[] => [
  { from: '/old', to: `/${tag}/new`, status: 301 },
  { from: '/blog/:slug', to: `/${tag}/articles/:slug`, status: 308 },
];
const locationOf = (source: RedisRedirectSource, url = '/old') =>
  locationIn(source.current().match({ url }));

async function follow(key: string, extra: { pollIntervalMs?: number } = {}) {
  const source = await createRedisRedirectSource({ url: redis.url, key, ...extra });
  open.push(source);
  return source;
}

describe('publishRedirects and createRedisRedirectSource', () => {
  it('serves the published map and swaps to each new version', async () => {
    const key = freshKey();
    const first = await publishRedirects({ url: redis.url, key, rules: rulesFor('a') });
    expect(first).toMatchObject({ version: '1', previous: undefined });
    const source = await follow(key);
    expect(source.version).toBe('1');
    expect(locationOf(source)).toBe('/a/new');

    const updates: (string | undefined)[] = [];
    source.on('update', ({ version }) => updates.push(version));
    const before = source.current();
    const second = await publishRedirects({ url: redis.url, key, rules: rulesFor('b') });
    expect(second).toMatchObject({ version: '2', previous: '1' });
    expect(await until(() => source.version === '2')).toBe(true);
    expect(locationOf(source, '/blog/x')).toBe('/b/articles/x');
    // A request that took the old map before the swap finishes on it.
    expect(locationIn(before.match({ url: '/old' }))).toBe('/a/new');
    expect(updates).toEqual(['2']);
  });

  it('keeps the last good map and reports a bad snapshot written straight into Redis', async () => {
    const key = freshKey();
    await publishRedirects({ url: redis.url, key, rules: rulesFor('good') });
    const source = await follow(key);
    const errors: RedirectSourceError[] = [];
    source.on('error', (error) => errors.push(error));
    const events: string[] = [];
    source.subscribe((event) => events.push(event.kind));

    await withClient(redis.url, async (client) => {
      await client.hSet(`${key}:v:7`, {
        version: '7',
        rules: '[{"from":"no-slash","to":"/x"}]',
        origins: '[null]',
        matching: '{}',
        hash: '0'.repeat(64),
        author: 'someone',
        time: new Date().toISOString(),
      });
      await client.set(`${key}:current`, '7');
      await client.publish(`${key}:updates`, '7');
    });
    expect(await until(() => errors.length > 0)).toBe(true);
    expect(errors[0]).toBeInstanceOf(RedirectSourceError);
    expect(errors[0]).toMatchObject({ kind: 'snapshot', version: '7' });
    expect(errors[0]?.message).toMatch(/snapshot 7 is invalid: its rules do not match its hash/);
    expect(events).toEqual(['error']);
    expect(source.version).toBe('1');
    expect(locationOf(source)).toBe('/good/new');

    // A later good publish is taken.
    await publishRedirects({ url: redis.url, key, rules: rulesFor('fixed') });
    expect(await until(() => locationOf(source) === '/fixed/new')).toBe(true);
  });

  it('reports a snapshot with a correct hash whose rules do not compile, naming the rule', async () => {
    const key = freshKey();
    await publishRedirects({ url: redis.url, key, rules: rulesFor('good') });
    const source = await follow(key);
    const errors: RedirectSourceError[] = [];
    source.on('error', (error) => errors.push(error));
    const { snapshotHash } = await import('./snapshot');
    const rules = '[{"from":"no-slash","to":"/x"}]';
    await withClient(redis.url, async (client) => {
      await client.hSet(`${key}:v:9`, {
        version: '9',
        rules,
        origins: '[{"file":"_redirects","line":3}]',
        matching: '{}',
        hash: snapshotHash(rules, '[{"file":"_redirects","line":3}]'),
        author: 'someone',
        time: new Date().toISOString(),
      });
      await client.set(`${key}:current`, '9');
      await client.publish(`${key}:updates`, '9');
    });
    expect(await until(() => errors.length > 0)).toBe(true);
    expect(errors[0]?.cause).toBeInstanceOf(RedirectConfigError);
    expect(errors[0]?.message).toMatch(
      /snapshot 9 is invalid: [\s\S]*rule 1 \(_redirects:3\) from/,
    );
    expect(locationOf(source)).toBe('/good/new');
  });

  it('rolls back to a kept version and forward again; an unknown version is refused', async () => {
    const key = freshKey();
    for (const tag of ['a', 'b', 'c'])
      await publishRedirects({ url: redis.url, key, rules: rulesFor(tag) });
    const source = await follow(key);
    expect(locationOf(source)).toBe('/c/new');
    expect(await rollbackRedirects({ url: redis.url, key, version: '1' })).toEqual({
      version: '1',
      previous: '3',
    });
    expect(await until(() => source.version === '1')).toBe(true);
    expect(locationOf(source)).toBe('/a/new');
    await source.rollback('3');
    expect(await until(() => locationOf(source) === '/c/new')).toBe(true);
    await expect(rollbackRedirects({ url: redis.url, key, version: '99' })).rejects.toThrow(
      /version 99 is not kept/,
    );
  });

  it('keeps N versions and lists them newest first with the current one marked', async () => {
    const key = freshKey();
    for (const tag of ['a', 'b', 'c', 'd']) {
      await publishRedirects({ url: redis.url, key, rules: rulesFor(tag), keep: 2, author: 'ci' });
    }
    const { current, versions } = await listVersions({ url: redis.url, key });
    expect(current).toBe('4');
    expect(versions.map((v) => [v.version, v.current, v.rules, v.author])).toEqual([
      ['4', true, 2, 'ci'],
      ['3', false, 2, 'ci'],
    ]);
    await expect(rollbackRedirects({ url: redis.url, key, version: '1' })).rejects.toThrow(
      RedirectPublishError,
    );
    const snapshot = await readSnapshot({ url: redis.url, key, version: '3' });
    expect(snapshot?.rules[0]?.to).toBe('/c/new');
  });

  it('refuses rules with analysis errors unless forced, and rules that do not compile always', async () => {
    const key = freshKey();
    const loop: RedirectRule[] = [
      { from: '/a', to: '/b', status: 301 },
      { from: '/b', to: '/a', status: 301 },
    ];
    const refused = publishRedirects({ url: redis.url, key, rules: loop });
    await expect(refused).rejects.toThrow(RedirectPublishError);
    await expect(refused).rejects.toThrow(/not published: .*loop/i);
    expect(
      (await publishRedirects({ url: redis.url, key, rules: loop, force: true })).version,
    ).toBe('1');
    await expect(
      publishRedirects({ url: redis.url, key, rules: [{ from: 'x', to: '/y' }], force: true }),
    ).rejects.toThrow(RedirectConfigError);
    await expect(publishRedirects({ url: redis.url, key: '', rules: [] })).rejects.toThrow(
      /option "key" must not be empty/,
    );
  });
});

describe('start-up', () => {
  it('fails when nothing is published, saying how to publish', async () => {
    const failure = createRedisRedirectSource({ url: redis.url, key: freshKey() });
    await expect(failure).rejects.toMatchObject({ kind: 'missing' });
    await expect(failure).rejects.toThrow(/redirects publish/);
  });

  it('fails when Redis cannot be reached, and serves fallbackFile when given', async () => {
    const port = await freePort();
    const url = `redis://127.0.0.1:${port}`;
    const failure = createRedisRedirectSource({ url, key: 'k', connectTimeoutMs: 1000 });
    await expect(failure).rejects.toMatchObject({ kind: 'connection' });
    await expect(failure).rejects.toThrow(/pass fallbackFile/);

    const file = join(scratch, '_redirects');
    writeFileSync(file, '/old /from-file 301\n');
    const source = await createRedisRedirectSource({
      url,
      key: 'k',
      fallbackFile: file,
      backoff: { minDelayMs: 50, maxDelayMs: 200 },
    });
    open.push(source);
    expect(source.version).toMatch(/^file:[0-9a-f]{12}$/);
    expect(locationOf(source)).toBe('/from-file');
    expect(source.connected).toBe(false);

    // Redis comes up and a map is published: the source leaves the file for it.
    const late = await startRedis({ port });
    try {
      await publishRedirects({ url, key: 'k', rules: rulesFor('redis') });
      expect(await until(() => locationOf(source) === '/redis/new')).toBe(true);
      expect(source.version).toBe('1');
      expect(await until(() => source.connected)).toBe(true);
    } finally {
      await source.close();
      await late.stop();
    }
  });

  it('rejects bad options naming the field', async () => {
    await expect(createRedisRedirectSource({ url: 'http://x', key: 'k' })).rejects.toThrow(
      /option "url" must be a redis:\/\/ or rediss:\/\/ URL/,
    );
  });
});

describe('Redis going away', () => {
  it('keeps serving while Redis is down, reports it once, and catches up after a restart', async () => {
    const key = freshKey();
    await publishRedirects({ url: redis.url, key, rules: rulesFor('before') });
    const source = await createRedisRedirectSource({
      url: redis.url,
      key,
      backoff: { minDelayMs: 50, maxDelayMs: 200 },
    });
    open.push(source);
    const errors: RedirectSourceError[] = [];
    source.on('error', (error) => errors.push(error));

    await redis.kill();
    expect(await until(() => errors.length > 0)).toBe(true);
    expect(errors[0]).toMatchObject({ kind: 'connection', version: '1' });
    expect(locationOf(source)).toBe('/before/new');

    await redis.restart();
    expect(await until(() => source.connected)).toBe(true);
    // The restarted Redis is empty (no persistence): publishing again starts at version 1.
    await publishRedirects({ url: redis.url, key, rules: rulesFor('after') });
    expect(await until(() => locationOf(source) === '/after/new')).toBe(true);
    expect(errors.filter((error) => error.kind === 'connection')).toHaveLength(1);
  });

  it('catches up on a publish made while its subscription was cut', async () => {
    const key = freshKey();
    await publishRedirects({ url: redis.url, key, rules: rulesFor('v1') });
    const source = await createRedisRedirectSource({
      url: redis.url,
      key,
      pollIntervalMs: 0,
      backoff: { minDelayMs: 300, maxDelayMs: 300 },
    });
    open.push(source);
    source.on('error', () => {});
    await withClient(redis.url, async (client) => {
      // Cut the pub/sub connection, then publish before it is back: the message is lost.
      await client.sendCommand(['CLIENT', 'KILL', 'TYPE', 'pubsub']);
      await publishRedirects({ client, key, rules: rulesFor('v2') });
    });
    expect(locationOf(source)).toBe('/v1/new');
    expect(await until(() => locationOf(source) === '/v2/new')).toBe(true);
  });
});
