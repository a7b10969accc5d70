import { describe, expect, it } from 'vitest';
import { RedirectConfigError } from './errors';
import { createRedirectMap } from './match';
import type { MatchInput, RedirectMapOptions, RedirectRule } from './types';

const SITE = 'https://site.test';

function locate(
  rules: RedirectRule[],
  url: MatchInput['url'],
  extra: Omit<MatchInput, 'url'> & { options?: RedirectMapOptions } = {},
) {
  const { options, ...input } = extra;
  const answer = createRedirectMap(rules, options).match({ url, ...input });
  if (answer?.kind === 'serve') throw new Error('a redirect-only map answered "serve"');
  return answer;
}

describe('createRedirectMap: matching', () => {
  it('matches exact paths, params and splats', () => {
    const map = createRedirectMap([
      { from: '/old', to: '/new', permanent: true },
      { from: '/blog/:slug', to: '/articles/:slug', permanent: true },
      { from: '/docs/*', to: '/manual/:splat', status: 302 },
      { from: '/files/:dir/:rest*', to: '/f/:dir?path=:rest', status: 302 },
    ]);
    expect(map.match({ url: '/old' })?.location).toBe('/new');
    expect(map.match({ url: '/blog/Hello-World' })?.location).toBe('/articles/Hello-World');
    expect(map.match({ url: '/docs/a/b/c' })?.location).toBe('/manual/a/b/c');
    expect(map.match({ url: '/docs' })?.location).toBe('/manual/');
    expect(map.match({ url: '/files/x/1/2' })?.location).toBe('/f/x?path=1/2');
    expect(map.match({ url: '/blog' })).toBeNull();
    expect(map.match({ url: '/blog/a/b' })).toBeNull();
    expect(map.match({ url: '/nothing' })).toBeNull();
    expect(map.size).toBe(4);
    expect(map.rules[1]?.from).toBe('/blog/:slug');
  });

  it('answers with the first matching rule in declaration order', () => {
    const rules: RedirectRule[] = [
      { from: '/a/:x', to: '/first/:x' },
      { from: '/a/b', to: '/second' },
      { from: '/c', to: '/third' },
      { from: '/:y', to: '/fourth/:y' },
      { from: '/*', to: '/fifth' },
      { from: '/c', to: '/never' },
    ];
    const map = createRedirectMap(rules);
    // An exact path loses to an earlier pattern that matches it...
    expect(map.match({ url: '/a/b' })?.rule.index).toBe(0);
    // ...and wins over a later one.
    expect(map.match({ url: '/c' })?.rule.index).toBe(2);
    expect(map.match({ url: '/d' })?.rule.index).toBe(3);
    expect(map.match({ url: '/d/e' })?.rule.index).toBe(4);
    expect(map.match({ url: '/' })?.rule.index).toBe(4);
  });

  it('reports the rule that matched', () => {
    const result = locate([{ from: '/x/:id', to: '/y/:id', permanent: true }], '/x/1');
    expect(result?.rule).toEqual({ index: 0, from: '/x/:id', to: '/y/:id' });
    expect(result?.status).toBe(308);
  });

  it('ignores one trailing slash by default, and compares it when strict', () => {
    const rules: RedirectRule[] = [
      { from: '/a/', to: '/x' },
      { from: '/b/:id', to: '/y/:id' },
    ];
    expect(locate(rules, '/a')?.location).toBe('/x');
    expect(locate(rules, '/a/')?.location).toBe('/x');
    expect(locate(rules, '/b/1/')?.location).toBe('/y/1');
    const options: RedirectMapOptions = { trailingSlash: 'strict' };
    expect(locate(rules, '/a', { options })).toBeNull();
    expect(locate(rules, '/a/', { options })?.location).toBe('/x');
    expect(locate(rules, '/b/1/', { options })).toBeNull();
  });

  it('compares without case by default and keeps the case of captured values', () => {
    const rules: RedirectRule[] = [
      { from: '/About', to: '/about-us' },
      { from: '/Blog/:slug', to: '/b/:slug' },
    ];
    expect(locate(rules, '/ABOUT')?.location).toBe('/about-us');
    expect(locate(rules, '/blog/MiXeD')?.location).toBe('/b/MiXeD');
    const options = { caseSensitive: true };
    expect(locate(rules, '/about', { options })).toBeNull();
    expect(locate(rules, '/About', { options })?.location).toBe('/about-us');
    expect(locate(rules, '/blog/x', { options })).toBeNull();
  });

  it('compares decoded segments: encoded and raw forms are the same path', () => {
    const rules: RedirectRule[] = [
      { from: '/café', to: '/coffee' },
      { from: '/menu/:item', to: '/m/:item' },
      { from: '/a%2Fb', to: '/slash' },
    ];
    expect(locate(rules, '/caf%C3%A9')?.location).toBe('/coffee');
    expect(locate(rules, '/CAF%C3%89')?.location).toBe('/coffee');
    expect(locate(rules, '/café')?.location).toBe('/coffee');
    expect(locate(rules, '/menu/cr%C3%AApe')?.location).toBe('/m/cr%C3%AApe');
    expect(locate(rules, '/menu/crêpe')?.location).toBe('/m/cr%C3%AApe');
    // %2F stays inside its segment.
    expect(locate(rules, '/a%2Fb')?.location).toBe('/slash');
    expect(locate(rules, '/a/b')).toBeNull();
  });

  it('keeps an encoded "?", "#" or "%" in a path apart from a query, fragment or escape', () => {
    const rules: RedirectRule[] = [
      { from: '/a%3Fb', to: '/question' },
      { from: '/c%23d', to: '/hash' },
      { from: '/e%25f', to: '/percent' },
      { from: '/a', to: '/just-a' },
    ];
    expect(locate(rules, '/a%3Fb')?.location).toBe('/question');
    expect(locate(rules, '/A%3fB')?.location).toBe('/question');
    expect(locate(rules, '/a?b')?.location).toBe('/just-a?b');
    expect(locate(rules, '/c%23d')?.location).toBe('/hash');
    expect(locate(rules, '/c#d')).toBeNull();
    expect(locate(rules, '/e%25f')?.location).toBe('/percent');
    expect(locate(rules, '/e%f')).toBeNull();
  });

  it.each(['/caf%C3%A', '/caf%zz', '/caf%C3%28', '/menu/%', '/menu/%E0%A4%A'])(
    'does not match a malformed escape (%s) and does not throw',
    (url) => {
      const rules: RedirectRule[] = [
        { from: '/*', to: '/all' },
        { from: '/menu/:item', to: '/m/:item' },
      ];
      expect(locate(rules, url)).toBeNull();
    },
  );
});

describe('createRedirectMap: query, fragment, base', () => {
  it('carries the query over, merged with the destination query (destination wins)', () => {
    const rules: RedirectRule[] = [
      { from: '/a', to: '/b' },
      { from: '/c', to: '/d?lang=en&x=1#top' },
      { from: '/e/:id', to: '/f/:id?' },
    ];
    expect(locate(rules, '/a?utm=1&x=%20')?.location).toBe('/b?utm=1&x=%20');
    expect(locate(rules, '/c?lang=fr&utm=1&x=2&y')?.location).toBe('/d?lang=en&x=1&utm=1&y#top');
    expect(locate(rules, '/c?lang=fr')?.location).toBe('/d?lang=en&x=1#top');
    expect(locate(rules, '/e/1?q=2')?.location).toBe('/f/1?q=2');
    expect(locate(rules, '/a?')?.location).toBe('/b');
    expect(locate(rules, '/a#frag')?.location).toBe('/b');
  });

  it('drops the query when preserveQuery is false', () => {
    expect(locate([{ from: '/a', to: '/b', preserveQuery: false }], '/a?x=1')?.location).toBe('/b');
  });

  it('encodes a carried query that holds raw unsafe characters', () => {
    expect(locate([{ from: '/a', to: '/b' }], '/a?q=a b\r\n<x>')?.location).toBe(
      '/b?q=a%20b%0D%0A%3Cx%3E',
    );
  });

  it('answers absolute Locations on the base origin when base is set', () => {
    const options = { base: 'https://www.example.com/ignored/path' };
    const rules: RedirectRule[] = [
      { from: '/a', to: '/b' },
      { from: '/p/:x', to: '/q/:x' },
      { from: '/ext', to: 'https://other.example/landing' },
    ];
    expect(locate(rules, '/a', { options })?.location).toBe('https://www.example.com/b');
    expect(locate(rules, '/p/1?z=2', { options })?.location).toBe(
      'https://www.example.com/q/1?z=2',
    );
    expect(locate(rules, '/ext', { options })?.location).toBe('https://other.example/landing');
  });

  it('accepts absolute URL strings and URL objects', () => {
    const rules: RedirectRule[] = [{ from: '/a/:x', to: '/b/:x' }];
    expect(locate(rules, 'https://example.com/a/1?q=1')?.location).toBe('/b/1?q=1');
    expect(locate(rules, 'HTTP://user@example.com:8080/a/2')?.location).toBe('/b/2');
    expect(locate(rules, new URL('https://example.com/a/caf%C3%A9?q=1'))?.location).toBe(
      '/b/caf%C3%A9?q=1',
    );
    expect(locate(rules, 'https://example.com')).toBeNull();
    expect(locate(rules, 'ftp://example.com/a/1')).toBeNull();
  });
});

describe('createRedirectMap: conditions', () => {
  const rules: RedirectRule[] = [
    { from: '/x', to: '/by-host', host: 'Shop.Example.com' },
    { from: '/x', to: '/by-port', host: 'example.com:8080' },
    { from: '/x', to: '/by-query', query: { lang: 'fr', 'a b': true } },
    { from: '/x', to: '/by-method', methods: ['get'] },
    { from: '/x', to: '/fallback', methods: ['POST'] },
  ];

  it('needs every condition of a rule to hold', () => {
    expect(locate(rules, 'https://shop.example.com/x')?.location).toBe('/by-host');
    expect(locate(rules, '/x', { headers: { host: 'SHOP.example.com:443' } })?.location).toBe(
      '/by-host',
    );
    expect(
      locate(rules, '/x', { headers: new Headers({ host: 'shop.example.com' }) })?.location,
    ).toBe('/by-host');
    expect(locate(rules, '/x', { headers: [['Host', 'example.com:8080']] })?.location).toBe(
      '/by-port',
    );
    expect(locate(rules, '/x', { headers: { host: 'example.com' }, method: 'PUT' })).toBeNull();
    expect(locate(rules, '/x?lang=fr&a+b', { method: 'PUT' })?.location).toBe(
      '/by-query?lang=fr&a+b',
    );
    expect(locate(rules, '/x?lang=de&a%20b=1', { method: 'PUT' })).toBeNull();
    expect(locate(rules, '/x?lang=fr', { method: 'PUT' })).toBeNull();
    expect(locate(rules, '/x', { method: 'get' })?.location).toBe('/by-method');
    expect(locate(rules, '/x')?.location).toBe('/by-method');
    expect(locate(rules, '/x', { method: 'POST' })?.location).toBe('/fallback');
  });

  it('lets HEAD match a rule that lists GET', () => {
    expect(locate(rules, '/x', { method: 'HEAD' })?.location).toBe('/by-method');
    expect(
      locate([{ from: '/y', to: '/z', methods: ['POST'] }], '/y', { method: 'HEAD' }),
    ).toBeNull();
  });

  it('falls through to a later pattern when an exact rule’s condition fails', () => {
    const map = createRedirectMap([
      { from: '/a/b', to: '/exact', methods: ['POST'] },
      { from: '/a/:x', to: '/pattern/:x' },
    ]);
    expect(map.match({ url: '/a/b' })?.location).toBe('/pattern/b');
    expect(map.match({ url: '/a/b', method: 'POST' })?.location).toBe('/exact');
  });

  it('falls through to an exact rule when an earlier pattern’s condition fails', () => {
    const map = createRedirectMap([
      { from: '/a/:x', to: '/pattern/:x', host: 'a.test' },
      { from: '/a/b', to: '/exact' },
    ]);
    expect(map.match({ url: 'https://a.test/a/b' })?.location).toBe('/pattern/b');
    expect(map.match({ url: 'https://b.test/a/b' })?.location).toBe('/exact');
  });
});

describe('createRedirectMap: headers and cache policy', () => {
  it('sends max-age=3600 on permanent redirects and nothing extra on temporary ones', () => {
    const rules: RedirectRule[] = [
      { from: '/p', to: '/x', permanent: true },
      { from: '/l', to: '/x', status: 301 },
      { from: '/t', to: '/x', status: 302 },
      { from: '/s', to: '/x', permanent: false, preserveMethod: false },
    ];
    expect(locate(rules, '/p')?.headers).toEqual({
      location: '/x',
      'cache-control': 'max-age=3600',
    });
    expect(locate(rules, '/l')?.headers).toEqual({
      location: '/x',
      'cache-control': 'max-age=3600',
    });
    expect(locate(rules, '/t')?.headers).toEqual({ location: '/x' });
    expect(locate(rules, '/s')).toMatchObject({ status: 303, headers: { location: '/x' } });
  });

  it('follows the configured policy', () => {
    const rules: RedirectRule[] = [
      { from: '/p', to: '/x', permanent: true },
      { from: '/t', to: '/x' },
    ];
    const options = { cache: { permanentMaxAge: 60, temporary: 'no-store' } };
    expect(locate(rules, '/p', { options })?.headers['cache-control']).toBe('max-age=60');
    expect(locate(rules, '/t', { options })?.headers['cache-control']).toBe('no-store');
    const none = { cache: { permanentMaxAge: null } };
    expect(locate(rules, '/p', { options: none })?.headers).toEqual({ location: '/x' });
  });

  it('encodes every Location: no raw non-ASCII, no control characters', () => {
    const result = locate([{ from: '/a/:x', to: '/ü/:x' }], '/a/%C3%A9%20b');
    expect(result?.location).toBe('/%C3%BC/%C3%A9%20b');
    expect(result?.headers.location).toBe(result?.location);
  });

  it('shares one frozen answer between requests without a query', () => {
    const map = createRedirectMap([{ from: '/a', to: '/b' }]);
    const first = map.match({ url: '/a' });
    expect(map.match({ url: '/A/' })).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(Object.isFrozen(first?.headers)).toBe(true);
  });

  it('answers every form of a path the same once its answer is kept', () => {
    const map = createRedirectMap([
      { from: '/a', to: '/b?x=1', permanent: true },
      { from: '/c', to: '/d', preserveQuery: false },
      { from: '/*', to: '/other' },
    ]);
    const kept = map.match({ url: '/a' });
    expect(kept?.location).toBe('/b?x=1');
    expect(map.match({ url: '/a' })).toBe(kept);
    expect(map.match({ url: '/a?y=2&x=9' })?.location).toBe('/b?x=1&y=2');
    expect(map.match({ url: '/A/?y=2' })?.location).toBe('/b?x=1&y=2');
    expect(map.match({ url: new URL('https://example.com/a?y=2') })?.location).toBe('/b?x=1&y=2');
    expect(map.match({ url: 'https://example.com/a' })?.rule.index).toBe(0);
    // An absolute target is read from its origin-form (exact keys are paths), whatever answers were kept.
    expect(map.match({ url: 'https://example.com/a' })?.location).toBe('/b?x=1');
    expect(map.match({ url: new URL('https://example.com/a?') })?.location).toBe('/b?x=1');
    expect(map.match({ url: 'https://example.com/c?q=1' })?.location).toBe('/d');
    expect(map.match({ url: 'example.com/a' })).toBeNull();
    expect(map.match({ url: '/c' })?.location).toBe('/d');
    expect(map.match({ url: '/c?q=1' })?.location).toBe('/d');
    expect(map.match({ url: '/e' })?.rule.index).toBe(2);
  });
});

describe('createRedirectMap: open redirects', () => {
  const rules: RedirectRule[] = [
    { from: '/go/:to', to: '/:to' },
    { from: '/path/*', to: '/:splat' },
    { from: '/x/:to', to: '/x/:to' },
    { from: '/ext/*', to: 'https://docs.example.com/:splat' },
  ];
  const options = { base: SITE };

  it.each([
    '/go/%2Fevil.test',
    '/go/%2F%2Fevil.test',
    '/go/%5Cevil.test',
    '/go/%5C%5Cevil.test',
    '/go/\\evil.test',
    '/path//evil.test',
    '/path/%2F/evil.test',
    '/path/%5C/evil.test',
    '/go/%0D%0ALocation:%20https:%2F%2Fevil.test',
    '/go/a%00b',
    '/go/%09',
    '/x/%E2%80%AE',
    '/path/./%2Fevil.test',
    '/path/../..//evil.test',
    '/go/https:%2F%2Fevil.test',
  ])('never sends %s to another origin', (url) => {
    for (const opts of [options, undefined]) {
      const result = locate(rules, url, { options: opts });
      if (result === null) continue;
      expect(new URL(result.location, SITE).origin).toBe(SITE);
      expect(result.location).not.toMatch(/^\/\/|^\/\\|[\u0000-\u001f\u007f-\uffff]/);
    }
  });

  it('refuses a value with a control character or encoded slash', () => {
    expect(locate(rules, '/go/%0D%0Aevil')).toBeNull();
    expect(locate(rules, '/go/%2F%2Fevil.test')).toBeNull();
    expect(locate(rules, '/path//evil.test')).toBeNull();
  });

  it('still redirects honest values', () => {
    expect(locate(rules, '/go/home')?.location).toBe('/home');
    expect(locate(rules, '/path/a/b.html')?.location).toBe('/a/b.html');
    expect(locate(rules, '/go/caf%C3%A9')?.location).toBe('/caf%C3%A9');
    expect(locate(rules, '/ext/guide/intro')?.location).toBe(
      'https://docs.example.com/guide/intro',
    );
  });

  it('keeps substitutions into an absolute destination on that destination’s origin', () => {
    for (const url of ['/ext//evil.test', '/ext/%2F%2Fevil.test', '/ext/@evil.test']) {
      const result = locate(rules, url);
      if (result !== null) expect(new URL(result.location).origin).toBe('https://docs.example.com');
    }
  });
});

describe('createRedirectMap: errors', () => {
  it('throws a RedirectConfigError with every problem', () => {
    let error: unknown;
    try {
      createRedirectMap(
        [
          { from: '/ok', to: '/ok2' },
          { from: '/a/:id', to: '/b/:slug', status: 200 as 301 },
          { from: '/c', to: '/d\r\n' },
        ],
        { origins: [{ line: 1 }, { line: 2, file: 'r.csv' }, { line: 3, file: 'r.csv' }] },
      );
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(RedirectConfigError);
    const issues = (error as RedirectConfigError).issues;
    expect(issues.map((i) => [i.index, i.field, i.line, i.file])).toEqual([
      [1, 'status', 2, 'r.csv'],
      [1, 'to', 2, 'r.csv'],
      [2, 'to', 3, 'r.csv'],
    ]);
    expect((error as Error).message).toContain('rule 2 (r.csv:2) status');
  });

  it.each([
    [{ base: 'example.com' }, 'options.base'],
    [{ base: 'ftp://example.com' }, 'options.base'],
    [{ cache: { permanentMaxAge: -1 } }, 'options.cache.permanentMaxAge'],
    [{ cache: { permanentMaxAge: 1e9 } }, 'options.cache.permanentMaxAge'],
    [{ cache: { temporary: 'no-store\r\nx: y' } }, 'options.cache.temporary'],
    [{ trailingSlash: 'sometimes' }, 'options.trailingSlash'],
    [{ caseSensitve: true }, 'options'],
  ])('rejects options %j', (options, field) => {
    expect(() => createRedirectMap([], options as RedirectMapOptions)).toThrow(RedirectConfigError);
    try {
      createRedirectMap([], options as RedirectMapOptions);
    } catch (error) {
      expect((error as RedirectConfigError).issues[0]).toMatchObject({ index: -1, field });
    }
  });

  it('rejects a rule list that is not an array', () => {
    expect(() => createRedirectMap({} as RedirectRule[])).toThrow(/must be an array/);
  });

  it('accepts an empty map', () => {
    expect(createRedirectMap([]).match({ url: '/' })).toBeNull();
  });
});

describe('map.analyze', () => {
  it('runs the static analysis over the map’s rules, with the map’s path options', () => {
    const map = createRedirectMap([
      { from: '/a', to: '/b', permanent: true },
      { from: '/b', to: '/c', permanent: true },
    ]);
    const chain = map.analyze().find((finding) => finding.kind === 'chain');
    expect(chain?.rules).toEqual([0, 1]);
    const strict = createRedirectMap(
      [
        { from: '/x/', to: '/x' },
        { from: '/y', to: '/y/' },
      ],
      { trailingSlash: 'strict' },
    );
    expect(strict.analyze().filter((f) => f.kind === 'loop' || f.kind === 'self-redirect')).toEqual(
      [],
    );
    const loose = createRedirectMap([{ from: '/x/', to: '/x' }]);
    expect(loose.analyze().some((f) => f.kind === 'loop' || f.kind === 'self-redirect')).toBe(true);
  });
});
