import { createRedirectMap, parseRedirects, type RedirectRule } from '@org/redirect-core';
import fc from 'fast-check';
import type { NextConfig } from 'next';
import {
  getRedirectUrl,
  unstable_getResponseFromNextConfig,
} from 'next/experimental/testing/server';
import { describe, expect, it, vi } from 'vitest';
import {
  convertRedirectsForNext,
  NextRedirectConfigError,
  nextRedirectLimits,
  toNextConfigRedirects,
} from './config';

function acceptedByCore(rules: readonly RedirectRule[]): boolean {
  try {
    createRedirectMap(rules);
    return true;
  } catch {
    return false;
  }
}

// Runs a request through Next's own redirect matching with the generated config.
async function answer(rules: readonly RedirectRule[], url: string, headers = {}) {
  const nextConfig: NextConfig = { redirects: async () => toNextConfigRedirects(rules) };
  const response = await unstable_getResponseFromNextConfig({ url, nextConfig, headers });
  return { status: response.status, location: getRedirectUrl(response) };
}

describe('toNextConfigRedirects', () => {
  it.each([
    [{ permanent: true }, 308],
    [{ permanent: true, preserveMethod: false }, 301],
    [{}, 307],
    [{ permanent: false, preserveMethod: false }, 303],
    [{ status: 301 }, 301],
    [{ status: 302 }, 302],
    [{ status: 303 }, 303],
    [{ status: 307 }, 307],
    [{ status: 308 }, 308],
  ] as const)('answers %o with exactly %i', async (intent, status) => {
    const result = await answer([{ from: '/old', to: '/new', ...intent }], 'https://site.test/old');
    expect(result).toEqual({ status, location: 'https://site.test/new' });
  });

  it('spells 307/308 with permanent and the others with statusCode', () => {
    const rules: RedirectRule[] = [301, 302, 303, 307, 308].map((status) => ({
      from: `/s${status}`,
      to: '/t',
      status: status as RedirectRule['status'],
    }));
    expect(toNextConfigRedirects(rules)).toEqual([
      { source: '/s301', destination: '/t', statusCode: 301 },
      { source: '/s302', destination: '/t', statusCode: 302 },
      { source: '/s303', destination: '/t', statusCode: 303 },
      { source: '/s307', destination: '/t', permanent: false },
      { source: '/s308', destination: '/t', permanent: true },
    ]);
  });

  it('carries named parameters over', async () => {
    const rules = [{ from: '/blog/:slug', to: '/articles/:slug', permanent: true }];
    expect(await answer(rules, 'https://site.test/blog/hello')).toEqual({
      status: 308,
      location: 'https://site.test/articles/hello',
    });
    expect((await answer(rules, 'https://site.test/blog/a/b')).status).toBe(200);
  });

  it.each([
    ['/docs/*', '/handbook/:splat'],
    ['/docs/:rest*', '/handbook/:rest'],
  ])('turns the wildcard %s into a Next splat', async (from, to) => {
    const rules = [{ from, to, status: 301 as const }];
    expect(await answer(rules, 'https://site.test/docs/a/b/c')).toEqual({
      status: 301,
      location: 'https://site.test/handbook/a/b/c',
    });
    expect(await answer(rules, 'https://site.test/docs/one')).toEqual({
      status: 301,
      location: 'https://site.test/handbook/one',
    });
  });

  it('sends absolute destinations off-site as written', async () => {
    const rules = [{ from: '/away', to: 'https://other.test/landing', status: 302 as const }];
    expect(await answer(rules, 'https://site.test/away')).toEqual({
      status: 302,
      location: 'https://other.test/landing',
    });
  });

  it('escapes literal characters path-to-regexp would read as syntax', async () => {
    const rules = [{ from: '/c++/(intro)', to: '/cpp', status: 301 as const }];
    expect((await answer(rules, 'https://site.test/c++/(intro)')).status).toBe(301);
    expect((await answer(rules, 'https://site.test/cc/intro')).status).toBe(200);
  });

  it('writes non-ASCII literals as request paths carry them', async () => {
    const rules = [{ from: '/café', to: '/crème', status: 301 as const }];
    expect(await answer(rules, 'https://site.test/caf%C3%A9')).toEqual({
      status: 301,
      location: 'https://site.test/cr%C3%A8me',
    });
  });

  it('percent-encodes destination characters path-to-regexp reads as syntax', async () => {
    const rules: RedirectRule[] = [
      { from: '/a', to: '/b(c)+d', status: 301 },
      { from: '/x/:id', to: 'https://other.test/p(:id)?v=(1)', status: 302 },
    ];
    expect(await answer(rules, 'https://site.test/a')).toEqual({
      status: 301,
      location: 'https://site.test/b%28c%29%2Bd',
    });
    expect(await answer(rules, 'https://site.test/x/7')).toEqual({
      status: 302,
      location: 'https://other.test/p%287%29?v=%281%29',
    });
  });

  it('writes any literal rule core accepts so that Next matches it', async () => {
    const segment = fc.stringMatching(/^[A-Za-z0-9\-._~!$&'()*+,;=@é]{1,8}$/);
    const path = fc.array(segment, { minLength: 1, maxLength: 3 }).map((s) => `/${s.join('/')}`);
    await fc.assert(
      fc.asyncProperty(path, path, async (from, to) => {
        // `.` and `..` segments are resolved by URL parsers before any matching.
        fc.pre(!/(^|\/)\.{1,2}(\/|$)/.test(`${from}/${to}`) && !from.startsWith('/_next'));
        const rules = [{ from, to, status: 301 as const }];
        fc.pre(acceptedByCore(rules));
        const { status, location } = await answer(rules, `https://site.test${from}`);
        expect(status).toBe(301);
        const got = decodeURIComponent(new URL(location ?? '').pathname);
        expect(got).toBe(decodeURIComponent(new URL(to, 'https://site.test').pathname));
      }),
      { numRuns: 60 },
    );
  });

  it('matches the host with `has`, dots taken literally', async () => {
    const rules = [{ from: '/x', to: '/y', status: 301 as const, host: 'old.example' }];
    const hit = await answer(rules, 'https://old.example/x', { host: 'old.example' });
    expect(hit.status).toBe(301);
    const miss = await answer(rules, 'https://oldxexample/x', { host: 'oldxexample' });
    expect(miss.status).toBe(200);
  });

  it('matches query conditions with `has`', async () => {
    const rules: RedirectRule[] = [
      { from: '/q', to: '/mail', status: 302, query: { ref: 'mail' } },
      { from: '/q', to: '/any', status: 302, query: { utm: true } },
    ];
    expect((await answer(rules, 'https://site.test/q?ref=mail')).status).toBe(302);
    expect((await answer(rules, 'https://site.test/q?ref=mailx')).status).toBe(200);
    expect((await answer(rules, 'https://site.test/q?utm=whatever')).location).toBe(
      'https://site.test/any?utm=whatever',
    );
    expect((await answer(rules, 'https://site.test/q')).status).toBe(200);
  });

  it('refuses what Next cannot express, naming every rule and field', () => {
    const rules: RedirectRule[] = [
      { from: '/ok', to: '/fine' },
      { from: '/post', to: '/p', methods: ['POST'] },
      { from: '/clean', to: '/c', preserveQuery: false },
      { from: '/port', to: '/p', host: 'site.test:8080' },
    ];
    let error: unknown;
    try {
      toNextConfigRedirects(rules);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(NextRedirectConfigError);
    const { issues, message } = error as NextRedirectConfigError;
    expect(issues.map(({ index, field }) => [index, field])).toEqual([
      [1, 'methods'],
      [2, 'preserveQuery'],
      [3, 'host'],
    ]);
    expect(message).toMatch(/^@org\/redirect-next: 3 rule\(s\)/);
    expect(message).toContain('createRedirectProxy');
    // Messages number rules from 1; `issues[].index` stays 0-based.
    expect(message).toContain('\n  rule 2 methods: ');
  });

  it('accepts a compiled map', () => {
    const map = createRedirectMap([{ from: '/old', to: '/new', status: 301 }]);
    expect(toNextConfigRedirects(map)).toEqual([
      { source: '/old', destination: '/new', statusCode: 301 },
    ]);
  });

  it('refuses an onWarning that is not a function', () => {
    expect(() => toNextConfigRedirects([], { onWarning: 'log' as never })).toThrow(
      /^@org\/redirect-next: option "onWarning" must be a function/,
    );
  });

  it('lets core refuse invalid rules with its own error', () => {
    expect(() => toNextConfigRedirects([{ from: 'no-slash', to: '/x' }])).toThrow();
  });

  it('warns above the platform limits, pointing to the proxy', () => {
    const count = nextRedirectLimits.routes + 1;
    const rules = Array.from({ length: count }, (_, i) => ({ from: `/r${i}`, to: `/t${i}` }));
    const onWarning = vi.fn();
    const redirects = toNextConfigRedirects(rules, { onWarning });
    expect(redirects).toHaveLength(count);
    expect(onWarning.mock.calls.map(([w]) => w.code)).toEqual(['redirect-limit', 'route-limit']);
    expect(onWarning.mock.calls[0]?.[0].message).toContain('createRedirectProxy');
  });

  it('stays quiet at the limit', () => {
    const rules = Array.from({ length: nextRedirectLimits.redirects }, (_, i) => ({
      from: `/r${i}`,
      to: '/t',
    }));
    expect(convertRedirectsForNext(rules).warnings).toEqual([]);
  });
});

describe('toNextConfigRedirects of rules read from Next.js', () => {
  const text = JSON.stringify([
    { source: '/backend/:slug*', destination: '/api/:slug*', permanent: false },
    { source: '/post/:id(\\d+)', destination: '/p/:id', statusCode: 301 },
    {
      source: '/beta',
      has: [{ type: 'header', key: 'x-beta' }],
      missing: [{ type: 'query', key: 'off' }],
      destination: '/b',
      permanent: true,
    },
  ]);
  const parsed = parseRedirects(text, 'next');
  const map = createRedirectMap(parsed.rules, { origins: parsed.origins, ...parsed.options });

  it.each([
    ['/backend', {}],
    ['/backend/a/b', {}],
    ['/post/42', {}],
    ['/post/x', {}],
    ['/beta', { 'x-beta': '1' }],
    ['/beta?off=1', { 'x-beta': '1' }],
    ['/beta', {}],
  ])('%s answers in Next as in the map', async (path, headers) => {
    const nextConfig: NextConfig = { redirects: async () => toNextConfigRedirects(map) };
    const response = await unstable_getResponseFromNextConfig({
      url: `https://site.test${path}`,
      nextConfig,
      headers,
    });
    const ours = map.match({ url: `https://site.test${path}`, headers });
    if (ours?.kind === 'redirect') {
      expect(response.status).toBe(ours.status);
      expect(getRedirectUrl(response)).toBe(new URL(ours.location, 'https://site.test').href);
    } else expect(response.status).toBe(200);
  });

  it('refuses rules the host serves itself, and Netlify rules', () => {
    const netlify = parseRedirects('/* /index.html 200\n/a* /b 301\n', 'netlify');
    expect(() => toNextConfigRedirects(netlify.rules)).toThrow(NextRedirectConfigError);
  });
});
