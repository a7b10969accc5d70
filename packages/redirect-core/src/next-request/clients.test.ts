// nextRequest(..., { client }): each client's profile, as packages/client-conformance observed
// it against the real clients, on one example per fact.
import { describe, expect, it } from 'vitest';
import { nextRequest } from './next-request';
import type { NextRequestFollow, NextRequestOptions, NextRequestResult } from './types';

function followed(result: NextRequestResult): NextRequestFollow {
  if (result.kind !== 'follow') throw new Error(`expected a follow, got ${JSON.stringify(result)}`);
  return result;
}

const secrets = {
  authorization: 'Bearer t',
  cookie: 'a=1',
  'proxy-authorization': 'Basic p',
  'content-type': 'text/plain',
};

function hop(
  method: string,
  status: number,
  to: string,
  options: NextRequestOptions,
  from = 'http://localhost:8080/start',
) {
  return nextRequest(
    {
      method,
      url: from,
      headers: secrets,
      body: method === 'GET' || method === 'HEAD' ? null : 'x',
    },
    { status, headers: { location: to } },
    options,
  );
}

describe('which statuses a client follows', () => {
  it.each([300, 304, 305, 306])('follow-redirects follows a %i with a Location', (status) => {
    const next = followed(hop('POST', status, '/n', { client: 'follow-redirects' }));
    expect(next.status).toBe(status);
    expect(next.request).toMatchObject({ method: 'POST', body: 'x' });
  });
  it('got 14 follows 300 and 304 but not 305 or 306', () => {
    expect(hop('GET', 300, '/n', { client: 'got' }).kind).toBe('follow');
    expect(hop('GET', 304, '/n', { client: 'got' }).kind).toBe('follow');
    expect(hop('GET', 305, '/n', { client: 'got' })).toMatchObject({
      kind: 'return',
      reason: 'not-redirect-status',
      source: 'got-14-source',
    });
  });
  it('fetch and got 15 return a 300', () => {
    expect(hop('GET', 300, '/n', {}).kind).toBe('return');
    expect(hop('GET', 300, '/n', { client: 'got-15' }).kind).toBe('return');
  });
});

describe('method and body', () => {
  it('curl -X keeps the method on 301-303 and drops the body, keeping Content-Type', () => {
    for (const status of [301, 302, 303]) {
      const { request } = followed(hop('PUT', status, '/n', { client: 'curl-x' }));
      expect(request.method).toBe('PUT');
      expect(request.body).toBeNull();
      expect(request.headers['content-type']).toBe('text/plain');
    }
  });
  it('curl -L turns POST into GET on 302 and keeps the Content-Type it was given', () => {
    const { request } = followed(hop('POST', 302, '/n', { client: 'curl' }));
    expect(request).toMatchObject({ method: 'GET', body: null });
    expect(request.headers['content-type']).toBe('text/plain');
  });
  it('got 15 turns a cross-origin POST on 301/302 into GET and strips the body on 307', () => {
    const other = 'http://b.localhost:8080/n';
    expect(followed(hop('POST', 302, other, { client: 'got-15' })).request.method).toBe('GET');
    expect(followed(hop('POST', 302, '/n', { client: 'got-15' })).request.method).toBe('POST');
    const kept = followed(hop('POST', 307, other, { client: 'got-15' }));
    expect(kept.request).toMatchObject({ method: 'POST', body: null });
    expect(kept.request.headers['content-type']).toBeUndefined();
  });
});

describe('credentials per kind of move', () => {
  const sub = 'http://api.localhost:8080/n';
  const otherHost = 'http://127.0.0.1:8080/n';
  it('follow-redirects keeps them on a subdomain, strips them on another host', () => {
    expect(followed(hop('GET', 302, sub, { client: 'follow-redirects' })).request.headers).toEqual({
      authorization: 'Bearer t',
      cookie: 'a=1',
      'proxy-authorization': 'Basic p',
      'content-type': 'text/plain',
    });
    expect(
      followed(hop('GET', 302, otherHost, { client: 'follow-redirects' })).request.headers,
    ).toEqual({ 'content-type': 'text/plain' });
  });
  it('axios strips Authorization and Cookie on a subdomain and Proxy-Authorization always', () => {
    const same = followed(hop('GET', 302, '/n', { client: 'axios' }));
    expect(same.request.headers['proxy-authorization']).toBeUndefined();
    expect(same.changes.find((c) => c.header === 'proxy-authorization')?.source).toBe(
      'axios-http-adapter',
    );
    expect(followed(hop('GET', 302, sub, { client: 'axios' })).request.headers).toEqual({
      'content-type': 'text/plain',
    });
  });
  it('got 14 and curl keep Proxy-Authorization across origins', () => {
    for (const client of ['got', 'curl'] as const) {
      expect(followed(hop('GET', 302, otherHost, { client })).request.headers).toEqual({
        'proxy-authorization': 'Basic p',
        'content-type': 'text/plain',
      });
    }
  });
  it('explicit stripOnOriginChange and keepCookiesOnOriginChange still apply', () => {
    const next = followed(
      hop('GET', 302, otherHost, {
        client: 'curl',
        stripOnOriginChange: ['Proxy-Authorization'],
      }),
    );
    expect(next.request.headers['proxy-authorization']).toBeUndefined();
    const kept = followed(
      hop('GET', 302, otherHost, { client: 'undici', keepCookiesOnOriginChange: true }),
    );
    expect(kept.request.headers.cookie).toBe('a=1');
    expect(kept.request.headers.authorization).toBeUndefined();
  });
});

describe('redirect limit: maxRedirects defaults to the profile', () => {
  it.each([
    ['got', 10],
    ['follow-redirects', 21],
    ['curl', 50],
    ['navigation', 19],
  ] as const)('%s fails after %i', (client, limit) => {
    const at = (redirectCount: number, maxRedirects?: number) =>
      nextRequest(
        { method: 'GET', url: 'http://a.localhost/x', redirectCount },
        { status: 302, headers: { location: '/y' } },
        maxRedirects === undefined ? { client } : { client, maxRedirects },
      ).kind;
    expect(at(limit - 1)).toBe('follow');
    expect(at(limit)).toBe('error');
    expect(at(limit, limit + 1)).toBe('follow');
  });
});

describe('Origin as browsers set it', () => {
  const page = 'http://127.0.0.1:8080';
  const post = (status: number, to: string, client: 'fetch' | 'navigation') =>
    followed(
      nextRequest(
        { method: 'POST', url: `${page}/form`, headers: { origin: page }, body: 'x' },
        { status, headers: { location: to } },
        { client },
      ),
    ).request.headers.origin;
  it('a form POST that follows a cross-origin 307 sends Origin: null', () => {
    expect(post(307, 'http://localhost:8080/n', 'navigation')).toBe('null');
    expect(post(307, '/n', 'navigation')).toBe(page);
    expect(post(303, '/n', 'navigation')).toBeUndefined();
  });
  it('fetch() keeps the page origin on a cross-origin 307 and sends it with a CORS GET', () => {
    expect(post(307, 'http://localhost:8080/n', 'fetch')).toBe(page);
    expect(post(303, 'http://localhost:8080/n', 'fetch')).toBe(page);
    expect(post(303, '/n', 'fetch')).toBeUndefined();
  });
});

describe('options', () => {
  it('refuses the replaced methodRewrite option with a message naming client', () => {
    const result = nextRequest(
      { method: 'GET', url: 'http://a.localhost/' },
      { status: 302, headers: { location: '/x' } },
      { methodRewrite: 'got' } as never,
    );
    expect(result).toMatchObject({ kind: 'error', code: 'invalid-options' });
    if (result.kind === 'error') expect(result.message).toContain('options.client');
  });
  it('refuses an unknown client', () => {
    expect(
      nextRequest(
        { method: 'GET', url: 'http://a.localhost/' },
        { status: 302, headers: { location: '/x' } },
        { client: 'wget' as never },
      ),
    ).toMatchObject({ kind: 'error', code: 'invalid-options' });
  });
});

// Hardening (issue 17): each of these failed before.
describe('hostile input', () => {
  it('a caller-set Referer (no referrer) is treated as the referrer, not forwarded as is', () => {
    const result = followed(
      nextRequest(
        {
          method: 'GET',
          url: 'https://a.example/x',
          headers: { referer: 'https://a.example/private/page?token=secret' },
        },
        { status: 302, headers: { location: 'https://evil.example/' } },
      ),
    );
    expect(result.request.headers.referer).toBe('https://a.example/');
    expect(result.changes.find((c) => c.kind === 'referer-changed')?.source).toBe(
      'referrer-policy-determine',
    );
    // A client that forwards the caller's headers keeps it, as the real client does.
    const axios = followed(
      nextRequest(
        { method: 'GET', url: 'https://a.example/x', headers: { referer: 'https://a.example/p' } },
        { status: 302, headers: { location: 'https://evil.example/' } },
        { client: 'axios' },
      ),
    );
    expect(axios.request.headers.referer).toBe('https://a.example/p');
  });

  it('an 8 MB Location is resolved, not overflowed by a regex', () => {
    const long = `/${'a/'.repeat(4 * 1024 * 1024)}`;
    const result = followed(
      nextRequest(
        { method: 'GET', url: 'https://a.example/' },
        { status: 302, headers: { location: long } },
      ),
    );
    expect(result.request.url).toBe(`https://a.example${long}`);
    const absolute = `https://b.example${long}`;
    expect(
      followed(
        nextRequest(
          { method: 'GET', url: absolute },
          { status: 302, headers: { location: absolute } },
        ),
      ).request.url,
    ).toBe(absolute);
  });

  it('50k content-* headers are each removed and reported once', () => {
    const headers: [string, string][] = [];
    for (let i = 0; i < 50_000; i++) headers.push([`content-x${i}`, 'v']);
    const result = followed(
      nextRequest(
        { method: 'POST', url: 'https://a.example/', headers, body: 'x' },
        { status: 303, headers: { location: '/done' } },
        { client: 'follow-redirects' },
      ),
    );
    expect(Object.keys(result.request.headers)).toEqual([]);
    expect(result.changes.filter((c) => c.kind === 'header-removed')).toHaveLength(50_000);
  });
});
