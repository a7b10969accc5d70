import {
  chooseStatus,
  createRedirectMap,
  parseRedirects,
  type RedirectEvent,
  type RedirectIntent,
  type RedirectRule,
} from '@org/redirect-core';
import {
  answerOf,
  badRequestPaths,
  expectSafeAnswer,
  longRequestPath,
  openRedirectTargets,
} from '@org/test-utils/bad-input';
import { rawRequest } from '@org/test-utils/http';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import defaultExport, { redirects } from './index';

const intents: RedirectIntent[] = [
  { permanent: true },
  { permanent: true, preserveMethod: false },
  {},
  { preserveMethod: false },
];

const rules: RedirectRule[] = [
  ...intents.map((intent, i) => ({ from: `/intent/${i}`, to: `/landed/${i}`, ...intent })),
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
  { from: '/routed', to: '/elsewhere' },
  { from: '/far/*', to: '/near/:splat' },
];

const events: RedirectEvent[] = [];
let handled = 0;

async function build(options: { precedence?: 'rules' | 'routes' } = {}) {
  const app = Fastify({ maxParamLength: 100_000, http: { maxHeaderSize: 256 * 1024 } });
  await app.register(redirects, {
    rules,
    onRedirect: (event) => events.push(event),
    fallback: '/safe',
    ...options,
  });
  app.addContentTypeParser('*', { parseAs: 'string' }, (_req, body, done) => done(null, body));
  app.all('/echo', async (request) => `${request.method} ${request.body ?? ''}`);
  app.get('/routed', async () => 'the route');
  app.get('/health', async () => 'ok');
  app.get('/go', async (request, reply) => {
    const { next = '', intent = '{}' } = request.query as Record<string, string>;
    return reply.redirectTo(next, JSON.parse(intent) as RedirectIntent);
  });
  app.get('/trusted', (request, reply) => {
    reply.redirectTo((request.query as { next: string }).next, { trusted: true });
  });
  app.get('/*', async (request) => {
    handled += 1;
    return `handler ${request.url}`;
  });
  return app;
}

describe('the plugin through app.inject()', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await build();
  });
  afterAll(() => app.close());

  it('is exported named and default, wrapped by fastify-plugin', () => {
    expect(defaultExport).toBe(redirects);
    expect(
      (redirects as unknown as Record<symbol, unknown>)[Symbol.for('fastify.display-name')],
    ).toBe('@org/redirect-fastify');
  });

  it.each(intents.map((intent, i) => [i, intent] as const))(
    'rule %i answers chooseStatus(intent)',
    async (i, intent) => {
      const res = await app.inject(`/intent/${i}`);
      expect(res.statusCode).toBe(chooseStatus(intent));
      expect(res.headers.location).toBe(`/landed/${i}`);
    },
  );

  it.each([301, 302, 303, 307, 308])('a rule with status %i answers it', async (status) => {
    const res = await app.inject(`/status/${status}`);
    expect(res.statusCode).toBe(status);
  });

  it('substitutes params and splats, and carries the query over', async () => {
    expect((await app.inject('/blog/hi')).headers.location).toBe('/articles/hi');
    expect((await app.inject('/docs/a/b')).headers.location).toBe('/guide/a/b');
    expect((await app.inject('/search?q=1&r=2')).headers.location).toBe('/find?q=1&r=2');
  });

  it('sends an escaped HTML note for GET and no body for HEAD', async () => {
    const res = await app.inject('/search?a=1&b=<x>');
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.body).toContain('<a href="/find?a=1&amp;b=%3Cx%3E">');
    const head = await app.inject({ method: 'HEAD', url: '/blog/x' });
    expect(head.statusCode).toBe(308);
    expect(head.body).toBe('');
  });

  it('matches host conditions', async () => {
    const onA = await app.inject({ url: '/only-a', headers: { host: 'a.test' } });
    expect(onA.headers.location).toBe('/a-home');
    const onB = await app.inject({ url: '/only-a', headers: { host: 'b.test' } });
    expect(onB.statusCode).toBe(200);
  });

  it('redirects an unrouted path', async () => {
    const bare = Fastify();
    await bare.register(redirects, { rules: [{ from: '/gone', to: '/here' }] });
    const res = await bare.inject('/gone');
    expect([res.statusCode, res.headers.location]).toEqual([307, '/here']);
    expect((await bare.inject('/missing')).statusCode).toBe(404);
    await bare.close();
  });

  it('lets rules win over routes by default', async () => {
    const res = await app.inject('/routed');
    expect([res.statusCode, res.headers.location]).toEqual([307, '/elsewhere']);
  });

  it('lets routes win with precedence: "routes", unrouted paths still redirected', async () => {
    const routesWin = await build({ precedence: 'routes' });
    const res = await routesWin.inject('/routed');
    expect([res.statusCode, res.body]).toEqual([200, 'the route']);
    const bare = Fastify();
    await bare.register(redirects, { rules, precedence: 'routes' });
    expect((await bare.inject('/blog/x')).headers.location).toBe('/articles/x');
    await Promise.all([routesWin.close(), bare.close()]);
  });

  it('fires onRedirect once per redirect and leaves other requests to their handler', async () => {
    const before = { events: events.length, handled };
    await app.inject('/blog/one');
    const passed = await app.inject('/no/rule?x=1');
    expect([passed.statusCode, passed.body, passed.headers.location]).toEqual([
      200,
      'handler /no/rule?x=1',
      undefined,
    ]);
    expect(handled).toBe(before.handled + 1);
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
    ]);
  });

  it('reply.redirectTo answers chooseStatus(intent) and returns the reply', async () => {
    for (const intent of [
      ...intents,
      { legacyClients: true },
      { permanent: true, legacyClients: true },
    ]) {
      const res = await app.inject(
        `/go?next=/account&intent=${encodeURIComponent(JSON.stringify(intent))}`,
      );
      expect([res.statusCode, res.headers.location]).toEqual([chooseStatus(intent), '/account']);
    }
    const sync = await app.inject('/trusted?next=/x');
    expect([sync.statusCode, sync.headers.location]).toEqual([307, '/x']);
  });
});

describe('encapsulation', () => {
  it('stays in the child context it is registered in', async () => {
    const app = Fastify();
    await app.register(async (child) => {
      await child.register(redirects, { rules: [{ from: '/child/*', to: '/moved/:splat' }] });
      child.get('/child/page', async () => 'child page');
      child.get('/in-child', (_request, reply) => reply.redirectTo('/x'));
    });
    await app.register(async (sibling) => {
      sibling.get('/sibling/page', async (_request, reply) => ({
        decorated: typeof (reply as { redirectTo?: unknown }).redirectTo,
      }));
    });
    app.get('/child/other', async () => 'root route');
    expect((await app.inject('/child/page')).headers.location).toBe('/moved/page');
    expect((await app.inject('/in-child')).headers.location).toBe('/x');
    expect((await app.inject('/child/other')).body).toBe('root route');
    expect((await app.inject('/sibling/page')).json()).toEqual({ decorated: 'undefined' });
    await app.close();
  });
});

describe('options', () => {
  it.each([
    [{ rules: 'x' }, /option "rules" must be an array/],
    [
      { rules: [], map: createRedirectMap([]) },
      /option "rules" cannot be given together with "map"/,
    ],
    [{ map: {} }, /option "map" must be a redirect map/],
    [{ precedence: 'first' }, /option "precedence"/],
    [{ base: 'shop.test' }, /option "base" must be an absolute http\(s\) URL/],
    [{ fallback: '//evil.test' }, /option "fallback"/],
    [{ allowedOrigins: ['ftp://x.test'] }, /option "allowedOrigins.0"/],
    [{ cache: { temporary: 3 } }, /option "cache.temporary"/],
    [{ onRedirect: true }, /option "onRedirect" must be a function/],
    [{ typo: 1 }, /option "typo" is not a known option/],
  ])('rejects %j naming the field', async (options, message) => {
    const app = Fastify();
    await expect(app.register(redirects, options as never).ready()).rejects.toThrow(message);
    await app.close();
  });

  it('names the bad rule', async () => {
    const app = Fastify();
    await expect(
      app.register(redirects, { rules: [{ from: 'nope', to: '/x' }] }).ready(),
    ).rejects.toThrow(/from/);
    await app.close();
  });

  it('still answers when onRedirect throws', async () => {
    const app = Fastify();
    await app.register(redirects, {
      rules: [{ from: '/a', to: '/b' }],
      onRedirect: () => {
        throw new Error('metrics down');
      },
    });
    const res = await app.inject('/a');
    expect([res.statusCode, res.headers.location]).toEqual([307, '/b']);
    await app.close();
  });

  it('accepts a ready map and a base for absolute Locations', async () => {
    const app = Fastify();
    await app.register(redirects, {
      map: createRedirectMap([{ from: '/a', to: '/b' }], { base: 'https://site.test' }),
    });
    expect((await app.inject('/a')).headers.location).toBe('https://site.test/b');
    await app.close();
  });
});

describe('a real server on 127.0.0.1', () => {
  let app: FastifyInstance;
  let url: string;
  let port: number;
  beforeAll(async () => {
    app = await build();
    url = await app.listen({ port: 0, host: '127.0.0.1' });
    port = Number(new URL(url).port);
  });
  afterAll(() => app.close());
  const get = (path: string, init: RequestInit = {}) =>
    fetch(`${url}${path}`, { redirect: 'manual', ...init });
  const health = async () => expect((await get('/health')).status).toBe(200);

  it('answers with status, Location and note', async () => {
    const res = await get('/docs/x?y=1');
    expect([res.status, res.headers.get('location')]).toEqual([307, '/guide/x?y=1']);
    expect(await res.text()).toContain('/guide/x?y=1');
  });

  it('sends no body for HEAD on the wire', async () => {
    const head = await rawRequest(port, '/blog/x', { method: 'HEAD' });
    expect([head.status, head.headers.location, head.body]).toEqual([308, '/articles/x', '']);
  });

  it('matches host conditions on the wire', async () => {
    expect((await rawRequest(port, '/only-a', { host: 'a.test' })).headers.location).toBe(
      '/a-home',
    );
  });

  it.each([
    ['/form-307', 'POST payload=1'],
    ['/form-308', 'POST payload=1'],
    ['/form-303', 'GET '],
  ])('a real client follows %s as %j', async (path, echoed) => {
    const res = await fetch(`${url}${path}`, {
      method: 'POST',
      body: 'payload=1',
      headers: { 'content-type': 'text/plain' },
      redirect: 'follow',
    });
    expect([res.status, res.redirected, await res.text()]).toEqual([200, true, echoed]);
  });

  it.each([...badRequestPaths, '/go?next=/%E0%A4%A'])(
    'answers %j without a 500 and keeps serving',
    async (path) => {
      expectSafeAnswer(answerOf(await rawRequest(port, path)));
      await health();
    },
  );

  it('answers a 64 KiB path without a 500 and keeps serving', async () => {
    expectSafeAnswer(answerOf(await rawRequest(port, longRequestPath)));
    await health();
  });

  it.each(openRedirectTargets)(
    'reply.redirectTo answers the open-redirect attempt %j with the fallback',
    async (target) => {
      const res = await rawRequest(port, `/go?next=${encodeURIComponent(target)}`);
      expect([res.status, res.headers.location, res.headers['set-cookie']]).toEqual([
        307,
        '/safe',
        undefined,
      ]);
      await health();
    },
  );

  it('reply.redirectTo encodes non-ASCII and CR/LF in trusted targets', async () => {
    const ok = await get(`/go?next=${encodeURIComponent('/café/☃')}`);
    expect(ok.headers.get('location')).toBe('/caf%C3%A9/%E2%98%83');
    const trusted = await get(`/trusted?next=${encodeURIComponent('/ä\r\nSet-Cookie: a=b')}`);
    expect(trusted.status).toBe(307);
    expect(trusted.headers.get('set-cookie')).toBeNull();
    expect(trusted.headers.get('location')).not.toMatch(/[\r\n\s]/);
  });
});

describe('rules the host serves itself', () => {
  it('leave the request to its route, as if nothing matched', async () => {
    const text = '/app/* /app/index.html 200\n/app/login /login 301\n/old /new 301\n';
    const parsed = parseRedirects(text, 'netlify');
    const app = Fastify();
    await app.register(redirects, {
      map: createRedirectMap(parsed.rules, { origins: parsed.origins, ...parsed.options }),
    });
    app.get('/app/login', async () => 'the app');
    const served = await app.inject('/app/login');
    expect([served.statusCode, served.headers.location, served.body]).toEqual([
      200,
      undefined,
      'the app',
    ]);
    const moved = await app.inject('/old');
    expect([moved.statusCode, moved.headers.location]).toEqual([301, '/new']);
    await app.close();
  });
});
