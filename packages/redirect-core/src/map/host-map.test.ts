import { describe, expect, it } from 'vitest';
import { RedirectConfigError } from './errors';
import { createRedirectMap } from './match';
import type { RedirectRule } from './types';

describe('a map with host rules', () => {
  const rules: RedirectRule[] = [
    { from: '/plain/:id', to: '/p/:id', status: 301 },
    { from: '/app/*', to: '/index.html', serve: 200, syntax: 'netlify' },
    { from: '/app/login', to: '/login', status: 302 },
    { from: '/exact', to: '/e1', status: 301, syntax: 'netlify' },
    { from: '/exact', to: '/e2', status: 302, syntax: 'netlify' },
    { from: '/n/:slug*', to: '/m/:slug*', status: 308, syntax: 'next' },
  ];
  const map = createRedirectMap(rules, { caseSensitive: true });

  it('answers with the first rule in declaration order, whichever matcher holds it', () => {
    expect(map.match({ url: '/plain/7' })).toMatchObject({ kind: 'redirect', location: '/p/7' });
    expect(map.match({ url: '/plain/7' })?.rule.index).toBe(0);
    // The host serves /app/*, so the later plain rule never answers.
    expect(map.match({ url: '/app/login' })).toMatchObject({ kind: 'serve', status: 200 });
    expect(map.match({ url: '/exact' })).toMatchObject({ status: 301, location: '/e1' });
    expect(map.match({ url: '/n' })).toMatchObject({ status: 308, location: '/m' });
    expect(map.match({ url: '/nothing' })).toBeNull();
  });

  it('never throws on a bad request', () => {
    for (const url of ['/%zz', '//evil.test', '', 'javascript:x', '/n/%E0%A4%A']) {
      expect(() => map.match({ url })).not.toThrow();
    }
  });

  it("carries the request's query as Netlify does: only to a destination without parameters", () => {
    const netlify = createRedirectMap([
      { from: '/plain', to: '/p', status: 301, syntax: 'netlify' },
      { from: '/own', to: '/o?y=1#top', status: 301, syntax: 'netlify' },
      { from: '/empty', to: '/e?#top', status: 301, syntax: 'netlify' },
      { from: '/filter', to: '/f', status: 301, syntax: 'netlify', query: { x: '1' } },
    ]);
    const at = (url: string) => netlify.match({ url })?.location;
    expect(at('/plain?a=1&a=2&')).toBe('/p?a=1&a=2&');
    expect(at('/own?a=1')).toBe('/o?y=1#top');
    expect(at('/empty?a=1')).toBe('/e?a=1#top');
    // Query conditions do not stop it: the whole request query goes on.
    expect(at('/filter?x=1&extra=2')).toBe('/f?x=1&extra=2');
    expect(at('/plain')).toBe('/p');
  });

  it('keeps a substituted destination on the site', () => {
    const open = createRedirectMap([
      { from: '/go/*', to: '/:splat', status: 302, syntax: 'netlify' },
    ]);
    expect(open.match({ url: '/go/%2F%2Fevil.test' })).toBeNull();
    expect(open.match({ url: '/go/a' })?.location).toBe('/a');
  });

  it('names the line of a host rule it cannot read', () => {
    const run = () =>
      createRedirectMap(
        [
          { from: '/ok', to: '/fine', status: 301, syntax: 'next' },
          { from: '/bad/:(', to: '/x', status: 301, syntax: 'next' },
        ],
        { origins: [{ line: 3 }, { line: 4 }] },
      );
    expect(run).toThrow(RedirectConfigError);
    try {
      run();
    } catch (error) {
      expect((error as RedirectConfigError).issues).toEqual([
        expect.objectContaining({ index: 1, line: 4, field: 'from' }),
      ]);
    }
  });
});

describe('the analysis of a host map', () => {
  it("keeps a host's own trailing-slash distinction: /a/ -> /a is no self-redirect on Next.js", () => {
    const map = createRedirectMap(
      [
        { from: '/docs/ja/', to: '/docs/ja', status: 308, syntax: 'next' },
        { from: '/same', to: '/same', status: 308, syntax: 'next' },
      ],
      { caseSensitive: true },
    );
    expect(map.match({ url: '/docs/ja' })).toBeNull();
    const selfRedirects = map.analyze().filter((finding) => finding.kind === 'self-redirect');
    expect(selfRedirects.map((finding) => finding.rules)).toEqual([[1]]);
  });
});
