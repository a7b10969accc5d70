import { describe, expect, it } from 'vitest';
import { createRedirectMap } from '../map/match';
import type { MatchInput, RedirectRule } from '../map/types';
import { parseRedirects } from './index';
import { parseNetlify, serializeNetlify } from './netlify';
import { parseNetlifyToml, serializeNetlifyToml } from './netlify-toml';
import { fixture, parseError } from './test-helpers';

// Facts about Netlify's matcher are proved against netlify-redirector in
// packages/host-conformance; these tests pin what the parser keeps and the map answers.
function mapOf(text: string, format: 'netlify' | 'netlify-toml' = 'netlify') {
  const parsed = parseRedirects(text, format, { file: '_redirects' });
  return createRedirectMap(parsed.rules, { origins: parsed.origins, ...parsed.options });
}

function answer(text: string, input: MatchInput | string) {
  const found = mapOf(text).match(typeof input === 'string' ? { url: input } : input);
  if (found === null) return null;
  return found.kind === 'serve'
    ? { kind: 'serve', status: found.status, reason: found.reason }
    : { status: found.status, location: found.location };
}

describe('parseNetlify', () => {
  it('reads the fixture with the line of every rule', () => {
    const { rules, origins, options } = parseNetlify(fixture('_redirects'), { file: '_redirects' });
    expect(rules[0]).toEqual({
      from: '/old-blog/*',
      to: '/blog/:splat',
      status: 301,
      syntax: 'netlify',
    });
    expect(rules.at(-1)).toEqual({
      from: '/*',
      to: 'https://new.example.com/:splat',
      status: 301,
      syntax: 'netlify',
      host: 'old.example.com',
      scheme: 'https',
    });
    expect(origins.map((origin) => origin.line)).toEqual([
      4, 5, 8, 9, 11, 12, 14, 16, 17, 18, 19, 20, 21,
    ]);
    expect(options).toEqual({ caseSensitive: true, trailingSlash: 'ignore' });
  });

  it('keeps rewrites, error pages and host-decided conditions in place, with a warning each', () => {
    const { rules, origins, warnings } = parseNetlify(fixture('_redirects-bad'), {
      file: '_redirects',
      skipInvalid: true,
    });
    expect(rules.map((rule) => [rule.from, rule.serve ?? rule.status])).toEqual([
      ['/fine', 301],
      ['/rewrite', 200],
      ['/geo', 302],
      ['/also-fine', 301],
      ['/store', 301],
      ['/typo', 30],
    ]);
    expect(origins.map((origin) => origin.line)).toEqual([2, 3, 5, 6, 7, 8]);
    expect(warnings.join('\n')).toMatch(/_redirects:3: status 200 is a rewrite/);
    expect(warnings.join('\n')).toMatch(/_redirects:5: Country=gb is decided by Netlify/);
    // Netlify refuses a line without destination too.
    expect(warnings.join('\n')).toMatch(/skipped _redirects:4 \(to\)/);
  });

  it('refuses only what Netlify refuses, every line at once', () => {
    const error = parseError(() =>
      parseNetlify(
        '/ok /fine\n/no-destination\n/x nowhere 301\n/.netlify/functions/a /b\n/y /z abc\n',
        {
          file: '_redirects',
        },
      ),
    );
    expect(error.issues.map((issue) => [issue.line, issue.field])).toEqual([
      [2, 'to'],
      [3, 'to'],
      [4, 'from'],
      [5, 'status'],
    ]);
    expect(error.message).toContain('_redirects:5 (status)');
  });

  it('reads inline comments, fragments, forward rules, tabs and CRLF as Netlify does', () => {
    const { rules } = parseNetlify('/a\t/b 302 # moved\r\n/frag#x /f\n/blog/* 200\n');
    expect(rules).toEqual([
      { from: '/a', to: '/b', status: 302, syntax: 'netlify' },
      { from: '/frag#x', to: '/f', status: 301, syntax: 'netlify' },
      { from: '/blog/*', to: '/blog/:splat', serve: 200, syntax: 'netlify' },
    ]);
  });

  it('keeps __proto__, constructor and prototype as ordinary query names', () => {
    const { rules } = parseNetlify('/p __proto__=1 constructor=2 prototype=:v /t/:v 301\n');
    const query = rules[0]!.query!;
    expect(Object.keys(query)).toEqual(['__proto__', 'constructor', 'prototype']);
    expect(Object.getPrototypeOf(query)).toBeNull();
    const map = mapOf('/p __proto__=1 constructor=2 prototype=:v /t/:v 301\n');
    expect(map.match({ url: '/p?__proto__=1&constructor=2&prototype=x' })?.location).toBe(
      '/t/x?__proto__=1&constructor=2&prototype=x',
    );
    // The condition is not dropped: without it the rule does not apply.
    expect(map.match({ url: '/p?constructor=2&prototype=x' })).toBeNull();
  });
});

describe('a map of Netlify rules answers as Netlify', () => {
  it('compares paths with their case and ignores one trailing slash', () => {
    expect(answer('/Case /x 302\n', '/case')).toBeNull();
    expect(answer('/Case /x 302\n', '/Case/')).toEqual({ status: 302, location: '/x' });
  });

  it('reads a trailing "*" glued to text as a prefix, and keeps a splat\'s trailing slash', () => {
    const text = '/about* /company/:splat 301\n/guides/* /react/:splat 301\n';
    expect(answer(text, '/aboutus')).toEqual({ status: 301, location: '/company/us' });
    expect(answer(text, '/about/team/')).toEqual({ status: 301, location: '/company/team/' });
    expect(answer(text, '/guides/a/b/')).toEqual({ status: 301, location: '/react/a/b/' });
    expect(answer(text, '/guides')).toEqual({ status: 301, location: '/react/' });
  });

  it('lets a rewrite shadow later redirects, and answers "serve" for it', () => {
    const text = '/app/* /app/index.html 200\n/app/login /login 301\n/gone /x 410\n';
    expect(answer(text, '/app/login')).toEqual({ kind: 'serve', status: 200, reason: 'rewrite' });
    expect(answer(text, '/gone')).toEqual({ kind: 'serve', status: 410, reason: 'status' });
  });

  it('matches a domain rule on its scheme and host only', () => {
    const text = 'https://old.test/* https://new.test/:splat 301!\n';
    expect(answer(text, 'https://old.test/a')).toEqual({
      status: 301,
      location: 'https://new.test/a',
    });
    expect(answer(text, 'http://old.test/a')).toBeNull();
    expect(
      answer(text, { url: '/a', headers: { host: 'old.test', 'x-forwarded-proto': 'http' } }),
    ).toBeNull();
  });

  it('compares a query condition with the last value, fills placeholders, carries other queries', () => {
    const text = '/q x=1 /qq 301\n/api/* anchor=:anchor /x?anchor=:anchor 301\n/p /t 302\n';
    // The query goes on to a destination without parameters, conditions or not (netlify-cli).
    expect(answer(text, '/q?x=2&x=1')).toEqual({ status: 301, location: '/qq?x=2&x=1' });
    expect(answer(text, '/q?x=1&x=2')).toBeNull();
    expect(answer(text, '/api/a?anchor=a%20b')).toEqual({ status: 301, location: '/x?anchor=a+b' });
    expect(answer(text, '/p?utm=1')).toEqual({ status: 302, location: '/t?utm=1' });
  });

  it('evaluates Language and Cookie, and leaves Country and Role to the host', () => {
    const text = '/l /de 302 Language=de\n/c /member 302 Cookie=session\n/g /us 302 Country=us\n';
    expect(answer(text, { url: '/l', headers: { 'accept-language': 'de-DE,en;q=0.5' } })).toEqual({
      status: 302,
      location: '/de',
    });
    expect(answer(text, { url: '/l', headers: { 'accept-language': 'en' } })).toBeNull();
    expect(answer(text, { url: '/c', headers: { cookie: 'session=1' } })).toEqual({
      status: 302,
      location: '/member',
    });
    expect(answer(text, '/c')).toBeNull();
    expect(answer(text, '/g')).toEqual({ kind: 'serve', status: 302, reason: 'condition' });
  });

  it('analyses the rules it can follow, naming their lines', () => {
    const map = mapOf('/* /index.html 200\n/a /b 301!\n/b /a 301!\n');
    expect(map.analyze().filter((finding) => finding.kind === 'loop')).toEqual([
      expect.objectContaining({ rules: [1, 2] }),
    ]);
  });
});

describe('netlify.toml', () => {
  const toml = [
    '[build]',
    'publish = "dist"',
    '',
    '[[redirects]]',
    'from = "/old"',
    'to = "/new"',
    '',
    '[[redirects]]',
    '  from = "/search"',
    '  to = "/find/:q"',
    '  status = 302',
    '  query = { q = ":q", __proto__ = "x" }',
    '  conditions = { Language = ["fr", "de"] }',
    '',
  ].join('\n');

  it('reads [[redirects]] with the line of each table', () => {
    const { rules, origins } = parseNetlifyToml(toml, { file: 'netlify.toml' });
    expect(rules[0]).toEqual({ from: '/old', to: '/new', status: 301, syntax: 'netlify' });
    expect(rules[1]).toMatchObject({
      from: '/search',
      status: 302,
      conditions: { language: ['fr', 'de'] },
    });
    expect(rules[1]).not.toHaveProperty('preserveQuery');
    expect(Object.keys(rules[1]!.query!)).toEqual(['q', '__proto__']);
    expect(origins).toEqual([
      { file: 'netlify.toml', line: 4 },
      { file: 'netlify.toml', line: 8 },
    ]);
  });

  it('refuses a file that is not TOML, naming the line', () => {
    const error = parseError(() =>
      parseNetlifyToml('[[redirects]]\nfrom = \n', { file: 'netlify.toml' }),
    );
    expect(error.issues[0]).toMatchObject({ line: 2, file: 'netlify.toml' });
  });

  it('writes what it reads', () => {
    const { rules } = parseNetlifyToml(toml);
    const { text, lost } = serializeNetlifyToml(rules);
    expect(lost).toEqual([]);
    expect(parseNetlifyToml(text).rules).toEqual(rules);
  });
});

describe('serializeNetlify', () => {
  it('writes rules read from Netlify back as they were', () => {
    const text = '/app/* /index.html 200!\n/q x=:v /t/:v 301!\n/l /de 302! Language=de\n';
    const { rules } = parseNetlify(text);
    const written = serializeNetlify(rules);
    expect(written.lost).toEqual([]);
    expect(parseNetlify(written.text).rules).toEqual(rules);
  });

  it('writes plain rules forced, and says what it loses', () => {
    const rules: RedirectRule[] = [
      { from: '/p', to: '/q', permanent: true },
      { from: '/api/x', to: '/api/y', status: 307, methods: ['POST'], preserveQuery: false },
      { from: '/next/:id(\\d+)', to: '/n', status: 301, syntax: 'next' },
    ];
    const { text, lost } = serializeNetlify(rules);
    expect(text).toBe('/p /q 308!\n/api/x /api/y 307!\n');
    expect(lost).toHaveLength(3);
    expect(lost[0]).toContain('methods');
    expect(lost[2]).toContain('Next.js');
  });
});
