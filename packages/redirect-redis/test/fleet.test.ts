// The fleet: a Koa and a Fastify process on one real Redis. Publishes, rollbacks and faults
// happen while both serve a bounded load; every response is checked.

import { type RedisServer, startRedis, until } from '@org/test-utils/redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withClient } from '../src/client';
import { publishRedirects } from '../src/index';
import { type App, buildApp, load, startApp, verdict, versionRules } from './fleet';

const key = 'redirects:fleet';
let redis: RedisServer;
let apps: App[] = [];
let tag = 0;
const published = new Set<number>();

/** Publishes the 10k rules of the next tag; resolves with the tag and the Redis version. */
async function publishNext() {
  const n = ++tag;
  published.add(n);
  const { version } = await publishRedirects({
    url: redis.url,
    key,
    rules: versionRules(n),
    analyze: false,
    author: 'fleet-test',
  });
  return { n, version };
}

const allAt = async (version: string) =>
  (await Promise.all(apps.map((app) => app.state()))).every((state) => state.version === version);

beforeAll(async () => {
  redis = await startRedis();
  const [script] = await Promise.all([buildApp(), publishNext()]);
  apps = await Promise.all([
    startApp(script, 'koa', redis.url, key),
    startApp(script, 'fastify', redis.url, key),
  ]);
}, 60_000);

afterAll(async () => {
  for (const app of apps) app.stop();
  await redis?.stop();
});

describe('a fleet of two app processes on one Redis', () => {
  it('both serve the published map, and a publish reaches both', async () => {
    for (const app of apps) {
      const response = await fetch(`${app.url}/e/5`, { redirect: 'manual' });
      expect(response.status).toBe(301);
      expect(response.headers.get('location')).toBe(`/v${tag}/t/5`);
    }
    // One publish to warm up the update path of both processes, then the measured one.
    const warm = await publishNext();
    expect(await until(() => allAt(warm.version), 5000)).toBe(true);
    const { n, version } = await publishNext();
    const published = Date.now();
    expect(await until(() => allAt(version), 5000)).toBe(true);
    // Measured by each app's own clock at the swap, so polling delays do not count.
    const delays = (await Promise.all(apps.map((app) => app.state()))).map(
      (state) => state.swappedAt - published,
    );
    // The 1 s target is a speed figure: `npm run bench` measures it (publish -> swap); a test
    // only proves that the publish arrives and when, without a timing assertion.
    console.log(`publish reached koa and fastify after ${delays.join(' and ')} ms`);
    for (const delay of delays) expect(delay).toBeGreaterThanOrEqual(0);
    for (const app of apps) {
      const response = await fetch(`${app.url}/p19/x`, { redirect: 'manual' });
      expect(response.headers.get('location')).toBe(`/v${n}/t/19/x`);
    }
  });

  it('under load across 20 publishes of 10k-rule maps: no failure, no 5xx, never a mix', async () => {
    const traffic = load(apps, { workers: 16, limit: 200_000, rules: 10_000 });
    const reach: number[] = [];
    for (let i = 0; i < 20; i++) {
      const { version } = await publishNext();
      const published = performance.now();
      expect(await until(() => allAt(version), 5000), `publish ${i + 1} reached both`).toBe(true);
      reach.push(Math.round(performance.now() - published));
    }
    const samples = await traffic.stop();
    const result = verdict(samples, published);
    console.log(
      'fleet load across 20 publishes:',
      JSON.stringify({ ...result, versions: result.versions.length, reachMs: reach }),
    );
    expect(result.total).toBeGreaterThan(1000);
    expect(result).toMatchObject({ failed: 0, serverErrors: 0, foreign: 0, wentBack: 0 });
    expect(samples.every((sample) => sample.status === 301)).toBe(true);
    // The load saw several versions, on both apps.
    expect(result.versions.length).toBeGreaterThan(5);
    expect(new Set(samples.map((sample) => sample.app))).toEqual(new Set(['koa', 'fastify']));
  });

  it('a bad snapshot written straight into Redis: both keep the last good map and report it', async () => {
    const good = await publishNext();
    expect(await until(() => allAt(good.version), 5000)).toBe(true);
    await withClient(redis.url, async (client) => {
      await client.hSet(`${key}:v:999`, {
        version: '999',
        rules: '[{"from":"/e/1","to":"/hacked"}]',
        origins: '[null]',
        matching: '{}',
        hash: 'f'.repeat(64),
        author: 'nobody',
        time: new Date().toISOString(),
      });
      await client.set(`${key}:current`, '999');
      await client.publish(`${key}:updates`, '999');
    });
    const reported = await until(async () =>
      (await Promise.all(apps.map((app) => app.state()))).every((state) =>
        state.errors.some((error) => error.kind === 'snapshot' && error.version === '999'),
      ),
    );
    expect(reported).toBe(true);
    for (const app of apps) {
      expect((await app.state()).version).toBe(good.version);
      const response = await fetch(`${app.url}/e/1`, { redirect: 'manual' });
      expect(response.headers.get('location')).toBe(`/v${good.n}/t/1`);
    }
  });

  it('Redis killed under load: no failed response, and both catch up after a restart', async () => {
    const traffic = load(apps, { workers: 8, limit: 100_000, rules: 10_000 });
    const before = await publishNext();
    expect(await until(() => allAt(before.version), 5000)).toBe(true);
    await redis.kill();
    const down = await until(async () =>
      (await Promise.all(apps.map((app) => app.state()))).every((state) => !state.connected),
    );
    expect(down, 'both saw Redis go').toBe(true);
    // Keep serving for a while with Redis gone.
    const served = traffic.done;
    expect(await until(() => traffic.done > served + 500, 10_000)).toBe(true);
    await redis.restart();
    const after = await publishNext();
    const caughtUp = await until(async () => {
      const states = await Promise.all(apps.map((app) => app.state()));
      return states.every((state) => state.connected) && (await allAt(after.version));
    }, 10_000);
    const states = JSON.stringify(await Promise.all(apps.map((app) => app.state())));
    expect(caughtUp, `both back on Redis and on version ${after.version}: ${states}`).toBe(true);
    const samples = await traffic.stop();
    const result = verdict(samples, published);
    const connectionErrors = await Promise.all(
      apps.map(
        async (app) => (await app.state()).errors.filter((e) => e.kind === 'connection').length,
      ),
    );
    console.log('fleet with Redis killed:', JSON.stringify({ ...result, connectionErrors }));
    expect(result).toMatchObject({ failed: 0, serverErrors: 0, foreign: 0, wentBack: 0 });
    expect(connectionErrors.every((count) => count >= 1)).toBe(true);
  });
});
