import type { RedirectRule } from '@org/redirect-core';
import { NextRequest } from 'next/server';
import { describe, expect, it, vi } from 'vitest';
import { createRedirectProxy } from './proxy';

const rules: RedirectRule[] = [
  { from: '/old', to: '/new', permanent: true },
  { from: '/moved', to: '/new', status: 301 },
  { from: '/form', to: '/thanks', status: 303, methods: ['POST'] },
  { from: '/away', to: 'https://other.test/landing', status: 302 },
  { from: '/docs/*', to: '/handbook/:splat', permanent: true },
  { from: '/go/*', to: '/:splat', status: 302 },
  { from: '/café', to: '/crème', status: 301 },
  { from: '/legacy', to: '/new', status: 301, host: 'old.test' },
];
const proxy = createRedirectProxy(rules, {
  cache: { permanentMaxAge: 600, temporary: 'no-store' },
  allowedHosts: ['site.test', 'old.test'],
});

const request = (path: string, init?: ConstructorParameters<typeof NextRequest>[1]) =>
  new NextRequest(`https://site.test${path}`, init);

describe('createRedirectProxy', () => {
  it('answers a match with the exact status, an absolute Location and the cache header', () => {
    const response = proxy(request('/old'));
    expect(response?.status).toBe(308);
    expect(response?.headers.get('location')).toBe('https://site.test/new');
    expect(response?.headers.get('cache-control')).toBe('max-age=600');
  });

  it.each([
    ['/moved', 301, 'https://site.test/new'],
    ['/away', 302, 'https://other.test/landing'],
    ['/docs/a/b?x=1', 308, 'https://site.test/handbook/a/b?x=1'],
  ])('answers %s with %i to %s', (path, status, location) => {
    const response = proxy(request(path));
    expect(response?.status).toBe(status);
    expect(response?.headers.get('location')).toBe(location);
  });

  it('sets the temporary cache policy on temporary redirects', () => {
    expect(proxy(request('/away'))?.headers.get('cache-control')).toBe('no-store');
  });

  it('returns undefined for requests no rule matches, so the app answers them', () => {
    expect(proxy(request('/elsewhere'))).toBeUndefined();
    expect(proxy(request('/'))).toBeUndefined();
  });

  it('honours method conditions', () => {
    expect(proxy(request('/form'))).toBeUndefined();
    const response = proxy(request('/form', { method: 'POST', body: 'a=1' }));
    expect(response?.status).toBe(303);
    expect(response?.headers.get('location')).toBe('https://site.test/thanks');
  });

  it('honours host conditions', () => {
    expect(proxy(request('/legacy'))).toBeUndefined();
    const response = proxy(new NextRequest('https://old.test/legacy'));
    expect(response?.status).toBe(301);
    expect(response?.headers.get('location')).toBe('https://old.test/new');
  });

  it('matches non-ASCII paths and answers with an encoded Location', () => {
    const response = proxy(request('/caf%C3%A9'));
    expect(response?.status).toBe(301);
    expect(response?.headers.get('location')).toBe('https://site.test/cr%C3%A8me');
  });

  it('accepts a map compiled once, as well as rules', async () => {
    const { createRedirectMap } = await import('@org/redirect-core');
    const fromMap = createRedirectProxy(createRedirectMap(rules), { base: 'https://site.test' });
    expect(fromMap(request('/old'))?.status).toBe(308);
  });

  it('handles 100,000 rules with one lookup per request', () => {
    const many = Array.from({ length: 100_000 }, (_, i) => ({
      from: `/p/${i}`,
      to: `/q/${i}`,
      status: 301 as const,
    }));
    const big = createRedirectProxy(many, { base: 'https://site.test' });
    expect(big(request('/p/99999'))?.headers.get('location')).toBe('https://site.test/q/99999');
    expect(big(request('/p/100000'))).toBeUndefined();
  });
});

describe('createRedirectProxy options', () => {
  it('calls onRedirect once per answered redirect', () => {
    const onRedirect = vi.fn();
    const withHook = createRedirectProxy(rules, { onRedirect, allowedHosts: ['site.test'] });
    withHook(request('/old?x=1'));
    withHook(request('/nothing'));
    expect(onRedirect.mock.calls).toEqual([
      [
        {
          rule: { index: 0, from: '/old', to: '/new' },
          status: 308,
          from: '/old?x=1',
          to: '/new?x=1',
        },
      ],
    ]);
  });

  it('keeps the redirect when onRedirect throws, and reports the error', () => {
    const onError = vi.fn();
    const failing = createRedirectProxy(rules, {
      base: 'https://site.test',
      onRedirect: () => {
        throw new Error('metrics down');
      },
      onError,
    });
    expect(failing(request('/old'))?.status).toBe(308);
    expect(onError).toHaveBeenCalledOnce();
  });

  it('refuses bad options and bad rules at start-up, naming them', () => {
    expect(() => createRedirectProxy(rules, { base: 'nope' })).toThrow(
      /^@org\/redirect-next: option "base"/,
    );
    expect(() =>
      createRedirectProxy(rules, { base: 'https://site.test', onError: 'log' as never }),
    ).toThrow(/^@org\/redirect-next: option "onError" must be a function/);
    const base = { base: 'https://site.test' };
    expect(() => createRedirectProxy('rules' as never, base)).toThrow(
      /"rulesOrMap" must be an array/,
    );
    expect(() => createRedirectProxy([{ from: 'old', to: '/new' }], base)).toThrow(/rule 1\b/);
  });

  it('answers on the configured base', () => {
    const based = createRedirectProxy(rules, { base: 'https://www.site.test' });
    expect(based(request('/old'))?.headers.get('location')).toBe('https://www.site.test/new');
  });
});

describe('createRedirectProxy with bad input', () => {
  it.each([
    '/go//evil.test',
    '/go/%2F%2Fevil.test',
    '/go/%5Cevil.test',
    '/go/%0D%0ASet-Cookie:x=1',
    '/go/%E0%A4%A',
    '/go/%zz',
    '/go/..%2F..%2Fevil.test',
  ])('lets %s go on to the app: no throw, no off-site or split Location', (path) => {
    expect(proxy(request(path))).toBeUndefined();
  });

  it('lets a 40 KB path go on to the app (the destination would be too long)', () => {
    expect(proxy(request(`/go/${'a/'.repeat(20_000)}`))).toBeUndefined();
  });

  it('answers a long path with an encoded same-site Location', () => {
    const response = proxy(request(`/go/${'a/'.repeat(700)}%C3%A9`));
    expect(response?.status).toBe(302);
    const location = response?.headers.get('location') ?? '';
    expect(location).toMatch(/^https:\/\/site\.test\/a\/a\/.*\/%C3%A9$/);
    expect(location).not.toMatch(/[^\u0021-\u007e]/);
  });

  it('reports an unexpected failure and lets the request go on', () => {
    const onError = vi.fn();
    const broken = createRedirectProxy(
      {
        rules: [],
        size: 0,
        analyze: () => [],
        match: () => {
          throw new Error('boom');
        },
      },
      { onError, base: 'https://site.test' },
    );
    expect(broken(request('/old'))).toBeUndefined();
    expect(onError).toHaveBeenCalledOnce();
  });
});

describe('createRedirectProxy never takes the Location origin from the Host header alone', () => {
  it('throws a RedirectOptionsError at creation without base or allowedHosts', async () => {
    const { RedirectOptionsError } = await import('@org/redirect-core');
    expect(() => createRedirectProxy(rules)).toThrow(RedirectOptionsError);
    expect(() => createRedirectProxy(rules)).toThrow(/needs "base" .* or "allowedHosts"/);
    expect(() => createRedirectProxy(rules, { allowedHosts: [] })).toThrow(/option "allowedHosts"/);
    expect(() => createRedirectProxy(rules, { allowedHosts: ['a.test/x'] })).toThrow(
      /option "allowedHosts"/,
    );
  });

  it('with base, a forged Host still gets a Location on the configured origin', () => {
    const based = createRedirectProxy(rules, { base: 'https://www.site.test' });
    const forged = new NextRequest('https://evil.test/old', { headers: { host: 'evil.test' } });
    expect(based(forged)?.headers.get('location')).toBe('https://www.site.test/new');
  });

  it('with allowedHosts, a Host not listed is left to the app, a listed one (any port) answers', () => {
    const listed = createRedirectProxy(rules, { allowedHosts: ['site.test', 'Other.test:8443'] });
    expect(listed(new NextRequest('https://evil.test/old'))).toBeUndefined();
    expect(listed(new NextRequest('http://site.test:3000/old'))?.headers.get('location')).toBe(
      'http://site.test:3000/new',
    );
    expect(listed(new NextRequest('https://other.test:8443/old'))?.headers.get('location')).toBe(
      'https://other.test:8443/new',
    );
    expect(listed(new NextRequest('https://other.test:9000/old'))).toBeUndefined();
  });
});
