import { redirects as koaRedirects } from '@org/redirect-koa';
import Koa from 'koa';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { TraceReport } from '../src/index';
import { json, redirects } from './run';
import { type Received, serve, type TestServer } from './servers';

// A real Koa 3 app using our adapter: the CLI traces what the adapter answers.
let app: TestServer;
const received: Received[] = [];

beforeAll(async () => {
  const koa = new Koa();
  koa.use(
    koaRedirects([
      { from: '/v1/:id', to: '/v2/:id', permanent: true },
      { from: '/v2/:id', to: '/v3/:id', status: 301 },
    ]),
  );
  koa.use((ctx) => {
    received.push({ method: ctx.method, path: ctx.url, headers: ctx.headers, body: '' });
    ctx.body = 'ok';
  });
  app = await serve(koa.callback());
});

afterAll(() => app?.close());

it('traces a chain served by @org/redirect-koa: 308 keeps POST, then 301 turns it into GET', async () => {
  const run = await redirects(['trace', app.url('/v1/7'), '--data', 'x=1', '--json']);
  expect(run.code, run.stdout).toBe(0);
  const report = json<TraceReport>(run);
  expect(report.hops.map((hop) => [hop.request.method, hop.status])).toEqual([
    ['POST', 308],
    ['POST', 301],
    ['GET', 200],
  ]);
  expect(report.hops.map((hop) => hop.location ?? null)).toEqual(['/v2/7', '/v3/7', null]);
  expect(report.hops[0]?.cache?.['cache-control']).toMatch(/max-age=\d+/);
  expect(report.flags).toEqual([]);
  expect(received.at(-1)).toMatchObject({ method: 'GET', path: '/v3/7' });
});
