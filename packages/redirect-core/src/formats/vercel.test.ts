import { describe, expect, it } from 'vitest';
import { createRedirectMap } from '../map/match';
import type { RedirectRule } from '../map/types';
import { parseRedirects } from './index';
import { fixture, parseError } from './test-helpers';
import { parseNext, parseVercel, serializeNext, serializeVercel } from './vercel';

// Facts about Next.js are proved against `next start` in packages/host-conformance; these tests
// pin what the parser keeps, refuses and writes.
function mapOf(text: string, format: 'next' | 'vercel' = 'next') {
  const parsed = parseRedirects(text, format);
  return createRedirectMap(parsed.rules, { origins: parsed.origins, ...parsed.options });
}

describe('parseVercel', () => {
  it('reads vercel.json with the line of every redirect, in path-to-regexp syntax', () => {
    const { rules, origins, options, warnings } = parseVercel(fixture('vercel.json'), {
      file: 'vercel.json',
    });
    expect(rules.map((rule) => [rule.from, rule.to, rule.status, rule.syntax])).toEqual([
      ['/old-blog/:path*', '/blog/:path*', 301, 'next'],
      ['/blog/:slug', '/articles/:slug', 308, 'next'],
      ['/a', '/b', 307, 'next'],
      ['/b', '/a', 307, 'next'],
      ['/docs/:rest(.*)', '/guide/:rest', 302, 'next'],
      ['/promo', 'https://example.com/sale', 307, 'next'],
    ]);
    expect(rules[5]!.has).toEqual([
      { type: 'host', value: 'shop.example.com' },
      { type: 'query', key: 'ref' },
    ]);
    expect(origins.map((origin) => origin.line)).toEqual([4, 5, 10, 11, 12, 13]);
    expect(options).toEqual({ caseSensitive: false });
    expect(warnings).toEqual([]);
  });

  it('answers 308 for an entry with neither permanent nor statusCode, as Vercel does', () => {
    const { rules, warnings } = parseVercel(
      '{ "redirects": [{ "source": "/x", "destination": "/y" }] }',
    );
    expect(rules[0]).toMatchObject({ status: 308 });
    expect(warnings[0]).toContain('308');
  });

  it('names every entry Next.js would refuse at build time', () => {
    const error = parseError(() =>
      parseVercel(fixture('vercel-bad.json'), { file: 'vercel-bad.json' }),
    );
    expect(error.issues.map((issue) => [issue.line, issue.field])).toEqual([[12, '']]);
    expect(error.issues[0]!.message).toContain('"flavour"');
    const glued = parseError(() =>
      parseNext('[{ "source": "/v", "destination": "/x/v:splat*", "permanent": true }]'),
    );
    expect(glued.issues[0]!.message).toContain('segments not in "source"');
    const noStatus = parseError(() => parseNext('[{ "source": "/a", "destination": "/b" }]'));
    expect(noStatus.issues[0]).toMatchObject({ field: 'permanent' });
    const badSource = parseError(() =>
      parseNext('[{ "source": "/a/:(", "destination": "/b", "permanent": true }]'),
    );
    expect(badSource.issues[0]).toMatchObject({ field: 'source' });
  });

  it('keeps __proto__, constructor and prototype as ordinary condition names', () => {
    const text = JSON.stringify([
      {
        source: '/p',
        destination: '/t',
        permanent: true,
        has: [
          { type: 'query', key: '__proto__' },
          { type: 'header', key: 'constructor', value: 'yes' },
          { type: 'cookie', key: 'prototype' },
        ],
      },
    ]);
    const map = mapOf(text);
    const headers = { host: 'a.test', constructor: 'yes', cookie: 'prototype=1' };
    expect(map.match({ url: '/p?__proto__=1', headers })?.location).toBe('/t?__proto__=1');
    expect(map.match({ url: '/p', headers })).toBeNull();
    expect(map.match({ url: '/p?__proto__=1', headers: { host: 'a.test' } })).toBeNull();
  });
});

describe('parseNext', () => {
  it("puts Next.js's own trailing-slash redirect first", () => {
    const { rules, origins } = parseNext(
      '[{ "source": "/a", "destination": "/b", "permanent": true }]',
    );
    expect(rules[0]).toEqual({ from: '/:path+/', to: '/:path+', status: 308, syntax: 'next' });
    expect(origins).toHaveLength(2);
    const map = mapOf('[{ "source": "/a", "destination": "/b", "permanent": true }]');
    expect(map.match({ url: '/a/' })?.location).toBe('/a');
  });

  it("answers with Next.js's results for empty splats, optional and repeated params, regex groups", () => {
    const map = mapOf(
      JSON.stringify([
        { source: '/backend/:slug*', destination: '/api/:slug*', permanent: false },
        { source: '/post/:id(\\d+)', destination: '/p/:id', permanent: true },
        { source: '/plus/:p+', destination: '/x/:p+', statusCode: 301 },
        { source: '/Docs/:lang?', destination: '/d/:lang?', statusCode: 302 },
      ]),
    );
    expect(map.match({ url: '/backend' })?.location).toBe('/api');
    expect(map.match({ url: '/backend/a/b?x=1' })?.location).toBe('/api/a/b?x=1');
    expect(map.match({ url: '/post/42' })?.location).toBe('/p/42');
    expect(map.match({ url: '/post/abc' })).toBeNull();
    expect(map.match({ url: '/plus' })).toBeNull();
    expect(map.match({ url: '/plus/a/b' })).toMatchObject({ status: 301, location: '/x/a/b' });
    expect(map.match({ url: '/docs/en' })).toMatchObject({ status: 302, location: '/d/en' });
    // Next reads the "?" of "/d/:lang?" as the start of a query and fails without a value.
    expect(map.match({ url: '/docs' })).toBeNull();
  });
});

describe('serializeVercel and serializeNext', () => {
  it('write rules read from Next.js back as they were', () => {
    const text = fixture('vercel.json');
    const { rules } = parseVercel(text);
    const written = serializeVercel(rules);
    expect(written.lost).toEqual([]);
    expect(parseVercel(written.text).rules).toEqual(rules);
    const next = serializeNext(parseNext(serializeNext(rules).text).rules);
    expect(parseVercel(next.text).rules).toEqual(rules);
  });

  it('escapes every regular-expression character of hosts and query values', () => {
    const { text, lost } = serializeVercel([
      { from: '/a', to: '/b', status: 301, host: 'netlify.cert-manager.io', query: { v: '1.0+x' } },
    ]);
    expect(lost).toEqual([]);
    const map = mapOf(text, 'vercel');
    expect(
      map.match({ url: '/a?v=1.0%2Bx', headers: { host: 'netlify.cert-manager.io' } }),
    ).not.toBeNull();
    expect(
      map.match({ url: '/a?v=1.0%2Bx', headers: { host: 'netlifyXcert-manager.io' } }),
    ).toBeNull();
    expect(
      map.match({ url: '/a?v=1X0%2Bx', headers: { host: 'netlify.cert-manager.io' } }),
    ).toBeNull();
  });

  it('writes a bare splat as :splat*, and escapes literal path syntax', () => {
    const rules: RedirectRule[] = [
      { from: '/docs/*', to: '/guide/:splat', status: 301 },
      { from: '/release-*x', to: '/r', status: 302 },
    ];
    const { text } = serializeVercel(rules);
    expect(JSON.parse(text).redirects).toEqual([
      { source: '/docs/:splat*', destination: '/guide/:splat*', statusCode: 301 },
      { source: '/release-\\*x', destination: '/r', statusCode: 302 },
    ]);
  });

  it('says what it loses', () => {
    const { lost } = serializeVercel([
      { from: '/api', to: '/v2', status: 307, methods: ['POST'], preserveQuery: false },
      { from: '/*', to: '/index.html', serve: 200, syntax: 'netlify' },
      { from: '/about*', to: '/company/:splat', status: 301, syntax: 'netlify' },
    ]);
    expect(lost).toEqual([
      expect.stringContaining('methods'),
      expect.stringContaining('preserveQuery'),
      expect.stringContaining('status 200'),
      expect.stringContaining('"/about*"'),
    ]);
  });
});
