import {
  chooseStatus,
  createRedirectMap,
  type RedirectEvent,
  type RedirectIntent,
  type RedirectRule,
  type RedirectStatus,
} from '@org/redirect-core';
import {
  answerOf,
  badInputRules,
  badRequestPaths,
  expectSafeAnswer,
  longRequestPath,
} from '@org/test-utils/bad-input';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { redirects } from './middleware';
import { type FetchApp, fetchHandler, nodeServer, type Transport } from './test-transports';
import { withRedirects } from './with-redirects';

const intents: [RedirectIntent, RedirectStatus][] = [
  [{ permanent: true }, 308],
  [{ permanent: true, preserveMethod: false }, 301],
  [{}, 307],
  [{ preserveMethod: false }, 303],
];

const rules: RedirectRule[] = [
  ...intents.map(([intent], i) => ({ from: `/intent/${i}`, to: `/landed/${i}`, ...intent })),
  ...([301, 302, 303, 307, 308] as const).map((status) => ({
    from: `/status/${status}`,
    to: `/landed/${status}`,
    status,
  })),
  ...badInputRules,
  { from: '/search', to: '/find' },
  { from: '/only-a', to: '/a-home', host: 'a.test' },
  { from: '/form-307', to: '/echo' },
  { from: '/form-308', to: '/echo', permanent: true },
  { from: '/form-303', to: '/echo', preserveMethod: false },
  { from: '/routed', to: '/elsewhere' },
  { from: '/beta', to: '/beta-home', syntax: 'next', has: [{ type: 'header', key: 'x-beta' }] },
];

const events: RedirectEvent[] = [];
let downstream = 0;

/** The app's own routes, the same behind both ways of installing the map. */
function routes(app: Hono): Hono {
  app.get('/routed', (c) => c.text('the route'));
  app.all('/echo', async (c) => c.text(`${c.req.method} ${await c.req.text()}`));
  app.all('*', (c) => {
    downstream += 1;
    const { pathname, search } = new URL(c.req.url);
    c.header('x-downstream', 'yes');
    return c.text(`downstream ${c.req.method} ${pathname}${search}`);
  });
  return app;
}

const onRedirect = (event: RedirectEvent) => events.push(event);
const app = new Hono();
app.use('*', redirects(rules, { onRedirect }));
routes(app);
// The same map in front of the app, before Hono routes (`withRedirects`).
const wrapped: FetchApp = { fetch: withRedirects(routes(new Hono()), rules, { onRedirect }) };

let node: Awaited<ReturnType<typeof nodeServer>>;
let wrappedNode: Awaited<ReturnType<typeof nodeServer>>;
beforeAll(async () => {
  node = await nodeServer(app);
  wrappedNode = await nodeServer(wrapped);
});
afterAll(async () => {
  await node.close();
  await wrappedNode.close();
});

const transports: [string, () => Transport][] = [
  ['redirects() on @hono/node-server on 127.0.0.1', () => node],
  ['redirects() through app.fetch with Web Requests', () => fetchHandler(app)],
  ['withRedirects(app) on @hono/node-server on 127.0.0.1', () => wrappedNode],
  ['withRedirects(app) called with Web Requests', () => fetchHandler(wrapped)],
];

describe.each(transports)('%s', (_name, transport) => {
  const send: Transport['send'] = (target, init) => transport().send(target, init);

  it.each(intents.map(([intent], i) => [i, intent] as const))(
    'rule %i answers with chooseStatus(intent)',
    async (i, intent) => {
      const res = await send(`/intent/${i}`);
      expect([res.status, res.headers.location]).toEqual([chooseStatus(intent), `/landed/${i}`]);
    },
  );

  it.each([301, 302, 303, 307, 308])('a rule with status %i answers it', async (status) => {
    const res = await send(`/status/${status}`);
    expect([res.status, res.headers.location]).toEqual([status, `/landed/${status}`]);
  });

  it('substitutes params and splats, and carries the query over', async () => {
    expect((await send('/blog/hello-world')).headers.location).toBe('/articles/hello-world');
    expect((await send('/docs/a/b/c')).headers.location).toBe('/guide/a/b/c');
    expect((await send('/search?q=x&page=2')).headers.location).toBe('/find?q=x&page=2');
  });

  it('adds a bounded Cache-Control to permanent redirects only', async () => {
    expect((await send('/intent/0')).headers['cache-control']).toMatch(/max-age=\d+/);
    expect((await send('/intent/2')).headers['cache-control']).toBeUndefined();
  });

  it('sends an escaped HTML note for GET and no body for HEAD', async () => {
    const res = await send('/search?a=1&b=<x>');
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.body).toContain('<a href="/find?a=1&amp;b=%3Cx%3E">');
    expect(res.body).not.toContain('<x>');
    const head = await send('/blog/x', { method: 'HEAD' });
    expect([head.status, head.headers.location, head.body]).toEqual([308, '/articles/x', '']);
  });

  it('matches host conditions against the request URL', async () => {
    const onA = await send('/only-a', { host: 'a.test' });
    expect([onA.status, onA.headers.location]).toEqual([307, '/a-home']);
    const onB = await send('/only-a', { host: 'b.test' });
    expect(onB.status).toBe(200);
    expect(onB.body).toContain('downstream GET /only-a');
  });

  it('reads request headers for rules with header conditions', async () => {
    const beta = await send('/beta', { headers: { 'x-beta': '1' } });
    expect([beta.status, beta.headers.location]).toEqual([308, '/beta-home']);
    const other = await send('/beta');
    expect([other.status, other.headers.location]).toEqual([200, undefined]);
  });

  it('answers before routes', async () => {
    const res = await send('/routed');
    expect([res.status, res.headers.location]).toEqual([307, '/elsewhere']);
  });

  it('lets non-matching requests reach downstream untouched', async () => {
    const before = downstream;
    const res = await send('/not/a/rule?x=%20y');
    expect([res.status, res.headers['x-downstream'], res.headers.location]).toEqual([
      200,
      'yes',
      undefined,
    ]);
    expect(res.body).toContain('downstream GET /not/a/rule?x=%20y');
    expect(downstream).toBe(before + 1);
  });

  it('does not call downstream for a redirect, and fires onRedirect once per redirect', async () => {
    const before = { downstream, events: events.length };
    await send('/blog/one');
    await send('/docs/two?y=1');
    await send('/nothing-here');
    expect(downstream).toBe(before.downstream + 1);
    expect(events.slice(before.events)).toEqual([
      {
        rule: {
          index: rules.findIndex((r) => r.from === '/blog/:slug'),
          from: '/blog/:slug',
          to: '/articles/:slug',
        },
        status: 308,
        from: '/blog/one',
        to: '/articles/one',
      },
      {
        rule: {
          index: rules.findIndex((r) => r.from === '/docs/*'),
          from: '/docs/*',
          to: '/guide/:splat',
        },
        status: 307,
        from: '/docs/two?y=1',
        to: '/guide/two?y=1',
      },
    ]);
  });

  it.each(badRequestPaths)(
    'answers the bad path %j without a 500 and keeps serving',
    async (path) => {
      expectSafeAnswer(answerOf(await send(path)));
      expect((await send('/health')).status).toBe(200);
    },
  );

  it('answers a 64 KiB path without a 500 and keeps serving', async () => {
    expectSafeAnswer(answerOf(await send(longRequestPath)));
    expect((await send('/health')).status).toBe(200);
  });
});

describe.each([
  ['redirects()', () => node],
  ['withRedirects(app)', () => wrappedNode],
] as const)('a real client against %s on @hono/node-server', (_name, server) => {
  it.each([
    ['/form-307', 'POST payload=1'],
    ['/form-308', 'POST payload=1'],
    ['/form-303', 'GET '],
  ])('follows %s as %j', async (path, echoed) => {
    const res = await fetch(`${server().url}${path}`, {
      method: 'POST',
      body: 'payload=1',
      redirect: 'follow',
    });
    expect([res.status, res.redirected, await res.text()]).toEqual([200, true, echoed]);
  });
});

describe('redirects() configuration', () => {
  it('names the bad option', () => {
    expect(() => redirects([], { base: 'not a url' })).toThrow(
      /@org\/redirect-hono: option "base"/,
    );
    expect(() => redirects([], { cache: { permanentMaxAge: -1 } })).toThrow(
      /option "cache.permanentMaxAge"/,
    );
    expect(() => redirects([], { onRedirect: 'log' as never })).toThrow(/option "onRedirect"/);
    expect(() => redirects([], { nope: 1 } as never)).toThrow(
      /option "nope" is not a known option/,
    );
  });

  it('rejects something that is neither rules nor a map', () => {
    expect(() => redirects('/old -> /new' as never)).toThrow(/"rulesOrMap" must be an array/);
  });

  it('names the bad rule (from createRedirectMap)', () => {
    expect(() => redirects([{ from: 'no-slash', to: '/x' }])).toThrow(/from/);
  });

  it('still answers when onRedirect throws, and reports the error', async () => {
    const report = vi.spyOn(console, 'error').mockImplementation(() => {});
    const failing = new Hono();
    failing.use(
      '*',
      redirects([{ from: '/a', to: '/b' }], {
        onRedirect: () => {
          throw new Error('metrics down');
        },
      }),
    );
    try {
      const res = await fetchHandler(failing).send('/a');
      expect([res.status, res.headers.location]).toEqual([307, '/b']);
      expect(res.body).toContain('href="/b"');
      expect(report).toHaveBeenCalledWith(
        '@org/redirect-hono: the onRedirect hook threw',
        new Error('metrics down'),
      );
    } finally {
      report.mockRestore();
    }
  });

  it('accepts a ready map, and a base for absolute Locations', async () => {
    const other = new Hono();
    other.use('*', redirects(createRedirectMap([{ from: '/m', to: '/n', permanent: true }])));
    other.use('*', redirects([{ from: '/a', to: '/b' }], { base: 'https://site.test' }));
    const fromMap = await fetchHandler(other).send('/m');
    expect([fromMap.status, fromMap.headers.location]).toEqual([308, '/n']);
    expect((await fetchHandler(other).send('/a')).headers.location).toBe('https://site.test/b');
  });

  it('keeps headers that earlier middleware set on the context', async () => {
    const other = new Hono();
    other.use('*', async (c, next) => {
      c.header('x-request-id', 'r1');
      await next();
    });
    other.use('*', redirects([{ from: '/a', to: '/b' }]));
    const res = await fetchHandler(other).send('/a');
    expect([res.status, res.headers['x-request-id']]).toEqual([307, 'r1']);
  });
});

describe('withRedirects() configuration', () => {
  it('names the bad option and the bad input, as redirects() does', () => {
    const plain = new Hono();
    expect(() => withRedirects(plain, [], { base: 'not a url' })).toThrow(
      /@org\/redirect-hono: option "base"/,
    );
    expect(() => withRedirects(plain, 'nope' as never)).toThrow(/"rulesOrMap" must be an array/);
    expect(() => withRedirects(plain, [{ from: 'no-slash', to: '/x' }])).toThrow(/from/);
  });

  it('hands env and the execution context to the app, and keeps a synchronous answer synchronous', async () => {
    const plain = new Hono<{ Bindings: { NAME: string } }>();
    plain.get('/env', (c) => c.text(`env ${c.env.NAME}`));
    const handler = withRedirects(plain, [{ from: '/a', to: '/b' }]);
    const answer = handler(new Request('http://127.0.0.1/env'), { NAME: 'worker' });
    // A Response, not a Promise: @hono/node-server writes such answers without awaiting.
    expect(answer).toBeInstanceOf(Response);
    expect(await (answer as Response).text()).toBe('env worker');
    const moved = handler(new Request('http://127.0.0.1/a'), { NAME: 'worker' });
    expect(moved).toBeInstanceOf(Response);
    expect([(moved as Response).status, (moved as Response).headers.get('location')]).toEqual([
      307,
      '/b',
    ]);
  });
});
