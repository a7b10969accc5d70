import {
  chooseStatus,
  createRedirectMap,
  parseRedirects,
  type RedirectEvent,
  type RedirectIntent,
  type RedirectRule,
  type RedirectStatus,
} from '@org/redirect-core';
import {
  answerOf,
  badRequestPaths,
  expectSafeAnswer,
  longRequestPath,
} from '@org/test-utils/bad-input';
import { type Running, rawRequest, serve } from '@org/test-utils/http';
import Koa from 'koa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redirects } from './middleware';

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
  { from: '/blog/:slug', to: '/articles/:slug', permanent: true },
  { from: '/docs/*', to: '/guide/:splat' },
  { from: '/search', to: '/find' },
  { from: '/only-a', to: '/a-home', host: 'a.test' },
  { from: '/form-307', to: '/echo' },
  { from: '/form-308', to: '/echo', permanent: true },
  { from: '/form-303', to: '/echo', preserveMethod: false },
  { from: '/far/*', to: '/near/:splat' },
];

let server: Running;
const events: RedirectEvent[] = [];
let downstream = 0;

beforeAll(async () => {
  const app = new Koa();
  app.use(redirects(rules, { onRedirect: (event) => events.push(event) }));
  app.use(async (ctx) => {
    downstream += 1;
    if (ctx.path === '/echo') {
      const chunks: Buffer[] = [];
      for await (const chunk of ctx.req) chunks.push(chunk as Buffer);
      ctx.body = `${ctx.method} ${Buffer.concat(chunks).toString('utf8')}`;
      return;
    }
    ctx.set('x-downstream', 'yes');
    ctx.body = `downstream ${ctx.method} ${ctx.url}`;
  });
  server = await serve(app.callback());
});
afterAll(() => server.close());

const get = (path: string, init: RequestInit = {}) =>
  fetch(`${server.url}${path}`, { redirect: 'manual', ...init });

describe('redirects() on a real Koa server', () => {
  it.each(intents.map(([intent], i) => [i, intent] as const))(
    'rule %i answers with chooseStatus(intent)',
    async (i, intent) => {
      const res = await get(`/intent/${i}`);
      expect(res.status).toBe(chooseStatus(intent));
      expect(res.headers.get('location')).toBe(`/landed/${i}`);
    },
  );

  it.each([301, 302, 303, 307, 308])('a rule with status %i answers it', async (status) => {
    const res = await get(`/status/${status}`);
    expect(res.status).toBe(status);
    expect(res.headers.get('location')).toBe(`/landed/${status}`);
  });

  it('substitutes params and splats, and carries the query over', async () => {
    expect((await get('/blog/hello-world')).headers.get('location')).toBe('/articles/hello-world');
    expect((await get('/docs/a/b/c')).headers.get('location')).toBe('/guide/a/b/c');
    expect((await get('/search?q=koa&page=2')).headers.get('location')).toBe('/find?q=koa&page=2');
  });

  it('adds a bounded Cache-Control to permanent redirects only', async () => {
    expect((await get('/intent/0')).headers.get('cache-control')).toMatch(/max-age=\d+/);
    expect((await get('/intent/2')).headers.get('cache-control')).toBeNull();
  });

  it('sends an escaped HTML note for GET and no body for HEAD', async () => {
    const res = await get('/search?a=1&b=<x>');
    const body = await res.text();
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(body).toContain('<a href="/find?a=1&amp;b=%3Cx%3E">');
    expect(body).not.toContain('<x>');
    const head = await rawRequest(server.port, '/blog/x', { method: 'HEAD' });
    expect(head.status).toBe(308);
    expect(head.headers.location).toBe('/articles/x');
    expect(head.body).toBe('');
  });

  it('matches host conditions against the Host header', async () => {
    const onA = await rawRequest(server.port, '/only-a', { host: 'a.test' });
    expect(onA.status).toBe(307);
    expect(onA.headers.location).toBe('/a-home');
    const onB = await rawRequest(server.port, '/only-a', { host: 'b.test' });
    expect(onB.status).toBe(200);
    expect(onB.body).toContain('downstream GET /only-a');
  });

  it.each([
    ['/form-307', 'POST payload=1'],
    ['/form-308', 'POST payload=1'],
    ['/form-303', 'GET '],
  ])('a real client follows %s as %j', async (path, echoed) => {
    const res = await fetch(`${server.url}${path}`, {
      method: 'POST',
      body: 'payload=1',
      redirect: 'follow',
    });
    expect(res.status).toBe(200);
    expect(res.redirected).toBe(true);
    expect(await res.text()).toBe(echoed);
  });

  it('lets non-matching requests reach downstream untouched', async () => {
    const before = downstream;
    const res = await get('/not/a/rule?x=%20y');
    expect(res.status).toBe(200);
    expect(res.headers.get('x-downstream')).toBe('yes');
    expect(res.headers.get('location')).toBeNull();
    expect(await res.text()).toBe('downstream GET /not/a/rule?x=%20y');
    expect(downstream).toBe(before + 1);
  });

  it('does not call downstream for a redirect, and fires onRedirect once per redirect', async () => {
    const before = { downstream, events: events.length };
    await get('/blog/one');
    await get('/docs/two?y=1');
    await get('/nothing-here');
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
});

describe('redirects() with bad input', () => {
  const health = async () => {
    const res = await get('/health');
    expect(res.status).toBe(200);
  };

  it.each(badRequestPaths)('answers %j without a 500 and keeps serving', async (path) => {
    expectSafeAnswer(answerOf(await rawRequest(server.port, path)));
    await health();
  });

  it('answers a 64 KiB path without a 500 and keeps serving', async () => {
    expectSafeAnswer(answerOf(await rawRequest(server.port, longRequestPath)));
    await health();
  });
});

describe('redirects() configuration', () => {
  it('names the bad option', () => {
    expect(() => redirects([], { base: 'not a url' })).toThrow(/@org\/redirect-koa: option "base"/);
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

  it('still answers when onRedirect throws, and reports the error to the app', async () => {
    const app = new Koa();
    const errors: unknown[] = [];
    app.on('error', (error) => errors.push(error));
    app.use(
      redirects([{ from: '/a', to: '/b' }], {
        onRedirect: () => {
          throw new Error('metrics down');
        },
      }),
    );
    const running = await serve(app.callback());
    try {
      const res = await fetch(`${running.url}/a`, { redirect: 'manual' });
      expect([res.status, res.headers.get('location')]).toEqual([307, '/b']);
      expect(errors).toEqual([new Error('metrics down')]);
    } finally {
      await running.close();
    }
  });

  it('accepts a ready map, and a base for absolute Locations', async () => {
    const app = new Koa();
    app.use(redirects(createRedirectMap([{ from: '/m', to: '/n', permanent: true }])));
    app.use(redirects([{ from: '/a', to: '/b' }], { base: 'https://site.test' }));
    const running = await serve(app.callback());
    try {
      const fromMap = await fetch(`${running.url}/m`, { redirect: 'manual' });
      expect([fromMap.status, fromMap.headers.get('location')]).toEqual([308, '/n']);
      const res = await fetch(`${running.url}/a`, { redirect: 'manual' });
      expect(res.headers.get('location')).toBe('https://site.test/b');
    } finally {
      await running.close();
    }
  });
});

describe('redirects() with rules the host serves itself', () => {
  it('passes a rewrite on to downstream, as if nothing matched, and redirects the rest', async () => {
    const text = '/app/* /app/index.html 200\n/app/login /login 301\n/old /new 301\n';
    const parsed = parseRedirects(text, 'netlify');
    const app = new Koa();
    app.use(
      redirects(createRedirectMap(parsed.rules, { origins: parsed.origins, ...parsed.options })),
    );
    app.use((ctx) => {
      ctx.body = `downstream ${ctx.path}`;
    });
    const running = await serve(app.callback());
    try {
      const served = await fetch(`${running.url}/app/login`, { redirect: 'manual' });
      expect(served.status).toBe(200);
      expect(served.headers.get('location')).toBeNull();
      expect(await served.text()).toBe('downstream /app/login');
      const moved = await fetch(`${running.url}/old`, { redirect: 'manual' });
      expect([moved.status, moved.headers.get('location')]).toEqual([301, '/new']);
    } finally {
      await running.close();
    }
  });
});
