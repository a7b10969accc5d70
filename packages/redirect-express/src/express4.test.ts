import { createRequire } from 'node:module';
import { answerOf, badRequestPaths, expectSafeAnswer } from '@org/test-utils/bad-input';
import { type Running, rawRequest, serve } from '@org/test-utils/http';
import type expressType from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redirectBack, redirects, redirectTo } from './index';

// Express 4 is not the declared peer, but many apps still run it: the same middleware and
// helpers on a real Express 4 server (the `express4` dev dependency is express@4).
const express4 = createRequire(import.meta.url)('express4') as typeof expressType;
const version = (createRequire(import.meta.url)('express4/package.json') as { version: string })
  .version;

let server: Running;
beforeAll(async () => {
  const app = express4();
  app.use(
    redirects([
      { from: '/blog/:slug', to: '/articles/:slug', permanent: true },
      { from: '/docs/*', to: '/guide/:splat' },
      { from: '/far/*', to: '/near/:splat' },
    ]),
  );
  app.use('/mounted', redirects([{ from: '/mounted/inner', to: '/mounted/moved' }]));
  app.get('/go', (req, res) => {
    redirectTo(res, String(req.query.next ?? ''), { preserveMethod: false, fallback: '/safe' });
  });
  app.get('/back', (req, res) => {
    redirectBack(req, res, '/cart', { base: 'https://shop.test' });
  });
  app.use((req, res) => {
    res.send(`downstream ${req.originalUrl}`);
  });
  server = await serve(app);
});
afterAll(() => server.close());

const get = (path: string, init: RequestInit = {}) =>
  fetch(`${server.url}${path}`, { redirect: 'manual', ...init });

describe(`on a real Express ${version} server`, () => {
  it('is Express 4', () => {
    expect(version).toMatch(/^4\./);
  });

  it('answers rules with status, Location, Cache-Control and note; HEAD without body', async () => {
    const res = await get('/blog/hi?x=1');
    expect([res.status, res.headers.get('location')]).toEqual([308, '/articles/hi?x=1']);
    expect(res.headers.get('cache-control')).toMatch(/max-age=\d+/);
    expect(await res.text()).toContain('<a href="/articles/hi?x=1">');
    const head = await rawRequest(server.port, '/docs/a', { method: 'HEAD' });
    expect([head.status, head.headers.location, head.body]).toEqual([307, '/guide/a', '']);
  });

  it('matches the full path when mounted, and passes other requests on', async () => {
    expect((await get('/mounted/inner')).headers.get('location')).toBe('/mounted/moved');
    const other = await get('/other');
    expect([other.status, await other.text()]).toEqual([200, 'downstream /other']);
  });

  it('guards redirectTo and redirectBack', async () => {
    const safe = await get(`/go?next=${encodeURIComponent('//evil.test')}`);
    expect([safe.status, safe.headers.get('location')]).toEqual([303, '/safe']);
    const ok = await get('/go?next=/account');
    expect(ok.headers.get('location')).toBe('/account');
    const back = await get('/back', { headers: { referer: 'https://evil.test/' } });
    expect([back.status, back.headers.get('location')]).toEqual([303, '/cart']);
  });

  it.each(badRequestPaths)('answers the bad path %j without a 500', async (path) => {
    expectSafeAnswer(answerOf(await rawRequest(server.port, path)));
  });
});
