import { describe, expect, it } from 'vitest';
import type { RedirectRule } from '../map/types';
import { parseNetlify, serializeNetlify } from './netlify';
import { fixture, parseError } from './test-helpers';

describe('parseNetlify', () => {
  it('reads the fixture with the line of every rule', () => {
    const { rules, origins, warnings } = parseNetlify(fixture('_redirects'), {
      file: '_redirects',
    });
    expect(rules).toHaveLength(13);
    expect(rules[0]).toEqual({ from: '/old-blog/*', to: '/blog/:splat', status: 301 });
    expect(origins[0]).toEqual({ file: '_redirects', line: 4 });
    expect(origins[2]).toEqual({ file: '_redirects', line: 8 });
    expect(rules[11]).toEqual({ from: '/store', to: '/shop', status: 302, query: { id: true } });
    expect(rules[12]).toEqual({
      from: '/*',
      to: 'https://new.example.com/:splat',
      status: 301,
      host: 'old.example.com',
    });
    expect(origins[12]).toEqual({ file: '_redirects', line: 21 });
    expect(warnings).toEqual([expect.stringContaining('1 rule without "!" (first on line 18)')]);
  });

  it('defaults to 301 and accepts CRLF, tabs and literal query values', () => {
    const { rules } = parseNetlify('/a\t/b\r\n/c page=2 /d 307\r\n');
    expect(rules).toEqual([
      { from: '/a', to: '/b', status: 301 },
      { from: '/c', to: '/d', status: 307, query: { page: '2' } },
    ]);
  });

  it('lists every bad line at once, with its number', () => {
    const error = parseError(() => parseNetlify(fixture('_redirects-bad'), { file: '_redirects' }));
    expect(error.issues.map((issue) => [issue.line, issue.field])).toEqual([
      [3, 'status'],
      [4, 'to'],
      [5, ''],
      [7, 'to'],
      [8, 'status'],
    ]);
    expect(error.issues[0]!.message).toContain('rewrite');
    expect(error.issues[2]!.message).toContain('Country=gb');
    expect(error.issues[3]!.message).toContain(':id');
    expect(error.message).toMatch(/^@org\/redirect-core: could not read 5 lines/);
    expect(error.message).toContain('_redirects:8 (status)');
    expect(error.issues.every((issue) => issue.file === '_redirects')).toBe(true);
  });

  it('with skipInvalid, keeps what it can read and warns about the rest', () => {
    const text = '/old /new 301!\n/* /index.html 200\n/x /y 302!\n';
    const { rules, origins, warnings } = parseNetlify(text, { skipInvalid: true });
    expect(rules).toEqual([
      { from: '/old', to: '/new', status: 301 },
      { from: '/x', to: '/y', status: 302 },
    ]);
    expect(origins.map((origin) => origin.line)).toEqual([1, 3]);
    expect(warnings).toEqual([
      expect.stringMatching(/^skipped line 2 \(status\): status 200 is a rewrite/),
    ]);
  });
});

describe('serializeNetlify', () => {
  it('round-trips rules it can express', () => {
    const rules: RedirectRule[] = [
      { from: '/old', to: '/new', status: 301 },
      { from: '/blog/:slug', to: '/articles/:slug', status: 308 },
      { from: '/docs/*', to: 'https://docs.example.com/:splat', status: 302 },
      { from: '/search', to: '/find', status: 307, query: { q: true, lang: 'en' } },
      { from: '/x', to: '/y', status: 303, host: 'shop.example.com' },
    ];
    const { text, lost } = serializeNetlify(rules);
    expect(lost).toEqual([]);
    expect(parseNetlify(text).rules).toEqual(rules);
  });

  it('writes the status chosen for permanent and says what it loses', () => {
    const { text, lost } = serializeNetlify([
      { from: '/p', to: '/q', permanent: true },
      { from: '/api/x', to: '/api/y', status: 307, methods: ['POST'], preserveQuery: false },
    ]);
    expect(text).toBe('/p /q 308!\n/api/x /api/y 307!\n');
    expect(lost).toHaveLength(2);
    expect(lost[0]).toContain('methods');
    expect(lost[1]).toContain('preserveQuery');
  });
});
