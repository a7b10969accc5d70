import { describe, expect, it } from 'vitest';
import type { RedirectRule } from '../map/types';
import { detectFormat, parseRedirects, RedirectParseError, serializeRedirects } from './index';
import { fixture } from './test-helpers';

describe('detectFormat', () => {
  it.each([
    ['_redirects', 'netlify'],
    ['vercel.json', 'vercel'],
    ['redirects.csv', 'csv'],
    ['rules.json', 'json'],
    ['vercel-bad.json', 'vercel'],
    ['rules-bad.json', 'json'],
  ] as const)('detects %s as %s from its content', (name, format) => {
    expect(detectFormat(fixture(name))).toBe(format);
  });

  it('trusts the file name first', () => {
    expect(detectFormat('', 'site/_redirects')).toBe('netlify');
    expect(detectFormat('[]', 'C:\\site\\vercel.json')).toBe('vercel');
    expect(detectFormat('a;b', 'x.CSV')).toBe('csv');
    expect(detectFormat('hello')).toBeNull();
    expect(detectFormat('[{ "from": "/a", "to": "/b", "query": { "source": "ad" } }]')).toBe(
      'json',
    );
  });
});

describe('parseRedirects and serializeRedirects', () => {
  const rules: RedirectRule[] = [
    { from: '/old', to: '/new', status: 301 },
    { from: '/blog/:slug', to: '/articles/:slug', status: 308 },
    { from: '/tmp', to: 'https://example.com/t', status: 307 },
  ];

  it.each(['netlify', 'vercel', 'csv', 'json'] as const)(
    'round-trips simple rules through %s',
    (format) => {
      const { text, lost } = serializeRedirects(rules, format);
      expect(lost).toEqual([]);
      expect(detectFormat(text)).toBe(format);
      const back = parseRedirects(text, format).rules;
      expect(back.map((rule) => [rule.from, rule.to])).toEqual(
        rules.map((rule) => [rule.from, rule.to]),
      );
    },
  );

  it('parses every fixture with its own format', () => {
    for (const name of ['_redirects', 'vercel.json', 'redirects.csv', 'rules.json']) {
      const format = detectFormat(fixture(name), name);
      expect(format).not.toBeNull();
      expect(parseRedirects(fixture(name), format!).rules.length).toBeGreaterThan(0);
    }
  });

  it('throws a typed error for bad files, and for formats it cannot read', () => {
    expect(() => parseRedirects('/a', 'netlify')).toThrow(RedirectParseError);
    expect(() => parseRedirects('', 'nginx' as 'json')).toThrow(/nginx is export only/);
    expect(serializeRedirects(rules, 'nginx').text).toContain('map $uri');
  });
});
