import { describe, expect, it } from 'vitest';
import type { RedirectRule } from '../map/types';
import { parseCsv, serializeCsv } from './csv';
import { fixture, parseError } from './test-helpers';

describe('parseCsv', () => {
  it('reads quoted fields, CRLF and blank lines, with the line of every row', () => {
    const { rules, origins } = parseCsv(fixture('redirects.csv'), { file: 'redirects.csv' });
    expect(rules).toEqual([
      { from: '/old-blog/*', to: '/blog/:splat', status: 301 },
      { from: '/blog/:slug', to: '/articles/:slug', status: 301 },
      { from: '/a', to: '/b', status: 301 },
      { from: '/b', to: '/a', status: 301 },
      { from: '/with,comma', to: '/q?a=1&b="x"', status: 308 },
      { from: '/no-status', to: '/x' },
    ]);
    expect(origins.map((origin) => origin.line)).toEqual([2, 3, 4, 6, 7, 8]);
  });

  it('accepts the columns in any order and case', () => {
    expect(parseCsv('Status,TO,From\n302,/b,/a\n').rules).toEqual([
      { from: '/a', to: '/b', status: 302 },
    ]);
  });

  it('lists every bad row at once, with its line', () => {
    const error = parseError(() => parseCsv(fixture('redirects-bad.csv')));
    expect(error.issues.map((issue) => [issue.line, issue.field])).toEqual([
      [3, 'status'],
      [4, 'from'],
      [5, ''],
      [6, 'status'],
    ]);
    expect(error.issues[0]!.message).toContain('"200" is not a redirect status');
    expect(error.issues[2]!.message).toContain('quote fields that contain commas');
  });

  it('needs a header row and a closed quote', () => {
    expect(parseError(() => parseCsv('/a,/b,301\n')).issues[0]!.message).toContain(
      'unknown column "/a"',
    );
    expect(parseError(() => parseCsv('from,to\n"/a,/b\n')).issues[0]).toMatchObject({ line: 2 });
    expect(parseError(() => parseCsv('from;to;status\n/a;/b;301\n')).issues[0]!.message).toContain(
      'separated by commas',
    );
  });
});

describe('serializeCsv', () => {
  it('round-trips from, to and status, quoting where needed', () => {
    const rules: RedirectRule[] = [
      { from: '/a', to: '/b', status: 301 },
      { from: '/with,comma', to: '/q?x="y"', status: 308 },
    ];
    const { text, lost } = serializeCsv(rules);
    expect(text).toBe('from,to,status\r\n/a,/b,301\r\n"/with,comma","/q?x=""y""",308\r\n');
    expect(lost).toEqual([]);
    expect(parseCsv(text).rules).toEqual(rules);
  });

  it('says which conditions have no column', () => {
    const { lost } = serializeCsv([
      { from: '/a', to: '/b', permanent: true, host: 'example.com', query: { q: true } },
    ]);
    expect(lost).toEqual([
      'rule 1 (/a): CSV has no column for host example.com, query conditions.',
    ]);
  });
});
