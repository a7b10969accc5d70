import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RedirectConfigError } from './errors';
import { createRedirectMap } from './match';
import type { MatchInput, RedirectRule } from './types';

const rules: RedirectRule[] = [
  { from: '/exact', to: '/e' },
  { from: '/one/:a', to: '/o/:a' },
  { from: '/deep/:a/:b/:c/:d/:e/:f/:g/:h', to: '/d/:h/:g/:f/:e/:d/:c/:b/:a' },
  { from: '/rest/*', to: '/r/:splat' },
  { from: '/cond/:x', to: '/c/:x', methods: ['GET'], host: 'a.test', query: { q: true } },
];
const map = createRedirectMap(rules, { base: 'https://site.test' });

// Whatever the request, `match` answers null or a result whose Location stays printable ASCII.
function check(input: MatchInput) {
  const result = map.match(input);
  if (result?.kind === 'serve') throw new Error('a redirect-only map answered "serve"');
  if (result !== null) {
    expect(result.location).toMatch(/^[\u0021-\u007e]+$/);
    expect(new URL(result.location).origin).toBe('https://site.test');
  }
  return result;
}

describe('createRedirectMap: bad requests never throw', () => {
  it.each([
    '/one/%E0%A4%A',
    '/one/%zz',
    '/one/%',
    '/one/%C3%28',
    '/one/%ED%A0%80',
    '/one/%FF',
    '/rest/%C3%28/x',
    '/exact%',
  ])('does not match the malformed escape %s', (url) => {
    expect(check({ url })).toBeNull();
  });

  it.each(['/one/a%00b', '/one/%00', '/rest/%00', '/one/a\u0000b', '/one/\u0000'])(
    'never redirects a NUL (%j) into a Location',
    (url) => {
      expect(check({ url })).toBeNull();
    },
  );

  it('survives a 64 KiB path, a 64 KiB segment and 30,000 segments', () => {
    const long = 'a'.repeat(64 * 1024);
    expect(check({ url: `/${long}` })).toBeNull();
    // A 64 KiB value is longer than the guard's Location limit: refused, not sent.
    expect(check({ url: `/one/${long}` })).toBeNull();
    expect(check({ url: `/rest${'/a'.repeat(30_000)}` })).toBeNull();
    expect(check({ url: `/${'%'.repeat(64 * 1024)}` })).toBeNull();
    // The carried query counts towards the Location limit (2048 by default): no 64 KiB answer.
    expect(check({ url: `/exact?${'q=1&'.repeat(16 * 1024)}` })).toBeNull();
  });

  it('handles deeply nested params and a pattern of 200 params', () => {
    expect(check({ url: '/deep/1/2/3/4/5/6/7/8' })?.location).toBe(
      'https://site.test/d/8/7/6/5/4/3/2/1',
    );
    const from = `/${Array.from({ length: 200 }, (_, i) => `:p${i}`).join('/')}`;
    const deep = createRedirectMap([{ from, to: '/x/:p199/:p0' }]);
    const path = `/${Array.from({ length: 200 }, (_, i) => `v${i}`).join('/')}`;
    expect(deep.match({ url: path })?.location).toBe('/x/v199/v0');
    expect(deep.match({ url: `${path}/extra` })).toBeNull();
  });

  it.each([
    null,
    undefined,
    {},
    { url: 42 },
    { url: null },
    { url: '' },
    { url: '*' },
    { url: 'example.com:443' },
    { url: 'javascript:alert(1)' },
    { url: 'http://' },
    { url: 'https://[::1' },
    { url: '/cond/1?q', method: 42, headers: 'host: a.test' },
    { url: '/cond/1?q', method: 'GET', headers: { host: ['a.test', 'b.test'] } },
    { url: '/cond/1?q', headers: [['host']] },
    { url: '/cond/1?q=%zz&%zz', headers: { host: 'a.test' } },
    { url: '/one/\uD800' },
    { url: '/one/a\uDC00' },
  ])('answers %j without throwing', (input) => {
    expect(() => check(input as unknown as MatchInput)).not.toThrow();
  });

  it('answers arbitrary strings without throwing', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 60 }),
          fc.webUrl({ withQueryParameters: true, withFragments: true }),
          fc
            .array(
              fc.constantFrom(
                '/one/',
                '/rest/',
                '%',
                '%2',
                '%C3',
                '%A9',
                '%2F',
                '\\',
                '?',
                '#',
                'a',
                '.',
              ),
            )
            .map((parts) => parts.join('')),
        ),
        fc.constantFrom('GET', 'HEAD', 'post', '', 'G\u0000ET'),
        (url, method) => {
          check({ url, method, headers: { host: 'a.test' } });
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('createRedirectMap: large and bad maps', () => {
  it('builds and answers a 100,000-rule map', () => {
    const big: RedirectRule[] = [];
    for (let i = 0; i < 100_000; i++) {
      const kind = i % 10;
      big.push(
        kind < 7
          ? { from: `/e${i}/page`, to: `/n/e${i}`, permanent: true }
          : kind < 9
            ? { from: `/p${i}/:id`, to: `/n/p${i}/:id`, permanent: true }
            : { from: `/s${i}/*`, to: `/n/s${i}/:splat`, permanent: true },
      );
    }
    const large = createRedirectMap(big);
    expect(large.size).toBe(100_000);
    expect(large.match({ url: '/e99990/page' })?.location).toBe('/n/e99990');
    expect(large.match({ url: '/p99997/x' })?.location).toBe('/n/p99997/x');
    expect(large.match({ url: '/s99999/a/b' })?.location).toBe('/n/s99999/a/b');
    expect(large.match({ url: '/e99990/page/%zz' })).toBeNull();
    expect(large.match({ url: '/nothing' })).toBeNull();
  });

  it('rejects huge and crafted fields (no regular expression blows up on them)', () => {
    const crafted: RedirectRule[] = [
      { from: '/a', to: '/b', host: `${'a'.repeat(200_000)}!` },
      { from: `/${'a:'.repeat(100_000)}`, to: `/${':a'.repeat(100_000)}` },
      { from: `/${'%'.repeat(100_000)}`, to: '/x' },
      { from: '/c', to: `/${'-'.repeat(9000)}` },
    ];
    try {
      createRedirectMap(crafted);
      expect.unreachable('the map is invalid');
    } catch (error) {
      expect((error as RedirectConfigError).issues.map((i) => [i.index, i.field])).toEqual([
        [0, 'host'],
        [1, 'from'],
        [1, 'to'],
        [2, 'from'], // too long
        [2, 'from'], // and malformed percent-encoding
        [3, 'to'],
      ]);
    }
  });

  it('reports every bad rule of a 100,000-rule map at once', () => {
    const big: RedirectRule[] = Array.from({ length: 100_000 }, (_, i) =>
      i % 25_000 === 0 ? { from: `bad${i}`, to: '/x' } : { from: `/ok${i}`, to: '/x' },
    );
    try {
      createRedirectMap(big);
      expect.unreachable('the map is invalid');
    } catch (error) {
      expect(error).toBeInstanceOf(RedirectConfigError);
      expect((error as RedirectConfigError).issues.map((i) => i.index)).toEqual([
        0, 25_000, 50_000, 75_000,
      ]);
    }
  });
});
