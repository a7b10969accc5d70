import { describe, expect, it } from 'vitest';
import type { RedirectRule } from '../map/types';
import { fixture, parseError } from './test-helpers';
import { parseVercel, serializeVercel } from './vercel';

describe('parseVercel', () => {
  it('reads vercel.json with the line of every redirect', () => {
    const { rules, origins, warnings } = parseVercel(fixture('vercel.json'), {
      file: 'vercel.json',
    });
    expect(rules).toEqual([
      { from: '/old-blog/:path*', to: '/blog/:path*', status: 301 },
      { from: '/blog/:slug', to: '/articles/:slug', permanent: true },
      { from: '/a', to: '/b', permanent: false },
      { from: '/b', to: '/a', permanent: false },
      { from: '/docs/:rest*', to: '/guide/:rest', status: 302 },
      {
        from: '/promo',
        to: 'https://example.com/sale',
        permanent: false,
        host: 'shop.example.com',
        query: { ref: true },
      },
    ]);
    expect(origins.map((origin) => origin.line)).toEqual([4, 5, 10, 11, 12, 13]);
    expect(origins[0]!.file).toBe('vercel.json');
    expect(warnings).toEqual([]);
  });

  it('reads the array that redirects() returns', () => {
    const text = JSON.stringify([
      { source: '/x', destination: '/y', permanent: true, basePath: false },
    ]);
    const { rules, warnings } = parseVercel(text);
    expect(rules).toEqual([{ from: '/x', to: '/y', permanent: true }]);
    expect(warnings[0]).toContain('basePath');
  });

  it('names every line it cannot express', () => {
    const error = parseError(() =>
      parseVercel(fixture('vercel-bad.json'), { file: 'redirects.json' }),
    );
    expect(error.issues.map((issue) => [issue.line, issue.field])).toEqual([
      [3, 'source'],
      [4, 'source'],
      [5, 'has.0'],
      [11, 'permanent'],
      [12, ''],
      [13, 'source'],
    ]);
    expect(error.issues[0]!.message).toContain('regular expression');
    expect(error.issues[1]!.message).toContain('two redirects');
    expect(error.issues[2]!.message).toContain('"cookie"');
    expect(error.issues[4]!.message).toContain('"flavour"');
    expect(error.issues[5]!.message).toContain(':p*');
  });

  it('reports invalid JSON with its line', () => {
    const error = parseError(() => parseVercel('[\n  { "source": "/a", }\n]'));
    expect(error.issues[0]!.line).toBe(2);
    expect(error.issues[0]!.message).toContain('not valid JSON');
  });

  it('rejects regex values in has and missing conditions', () => {
    const text = JSON.stringify([
      {
        source: '/a',
        destination: '/b',
        permanent: true,
        has: [{ type: 'host', value: '(?<sub>.*)\\.example\\.com' }],
      },
      { source: '/c', destination: '/d', permanent: true, missing: [{ type: 'query', key: 'x' }] },
    ]);
    const error = parseError(() => parseVercel(text));
    expect(error.issues.map((issue) => issue.field)).toEqual(['has.0', 'missing']);
  });
});

describe('serializeVercel', () => {
  it('round-trips what it can express', () => {
    const rules: RedirectRule[] = [
      { from: '/old', to: '/new', permanent: true },
      { from: '/tmp', to: '/t', permanent: false },
      { from: '/blog/:slug', to: '/articles/:slug', status: 301 },
      { from: '/docs/:rest*', to: '/guide/:rest*', status: 302 },
      {
        from: '/promo',
        to: '/sale',
        status: 303,
        host: 'shop.example.com',
        query: { ref: true, v: 'a+b' },
      },
      { from: '/paren\\(x\\)', to: '/y', status: 301 },
    ];
    const { text, lost } = serializeVercel(rules);
    expect(lost).toEqual([]);
    const back = parseVercel(text).rules;
    expect(back.slice(0, 5)).toEqual(rules.slice(0, 5));
  });

  it('writes a bare splat as :splat*, in the source and the destination', () => {
    const { text } = serializeVercel([{ from: '/docs/*', to: '/guide/:splat', status: 308 }]);
    const [entry] = (JSON.parse(text) as { redirects: unknown[] }).redirects;
    expect(entry).toEqual({
      source: '/docs/:splat*',
      destination: '/guide/:splat*',
      permanent: true,
    });
    expect(parseVercel(text).rules).toEqual([
      { from: '/docs/:splat*', to: '/guide/:splat*', permanent: true },
    ]);
  });

  it('says what it loses', () => {
    const many = Array.from({ length: 1500 }, (_, i) => ({
      from: `/p${i}`,
      to: '/x',
      status: 301 as const,
    }));
    const { lost } = serializeVercel([
      ...many,
      { from: '/api', to: '/v2', status: 307, methods: ['POST'], preserveQuery: false },
    ]);
    expect(lost[0]).toContain('1,024');
    expect(lost.slice(1).join('\n')).toMatch(/methods[\s\S]*preserveQuery/);
  });
});
