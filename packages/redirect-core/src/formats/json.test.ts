import { describe, expect, it } from 'vitest';
import type { RedirectRule } from '../map/types';
import { parseJsonRules, serializeJsonRules } from './json';
import { fixture, parseError } from './test-helpers';

describe('parseJsonRules', () => {
  it('reads { rules } with the line of every rule', () => {
    const { rules, origins } = parseJsonRules(fixture('rules.json'), { file: 'rules.json' });
    expect(rules).toHaveLength(3);
    expect(rules[1]).toEqual({
      from: '/blog/:slug',
      to: '/articles/:slug',
      status: 301,
      query: { lang: 'en', ref: true },
    });
    expect(origins).toEqual([
      { file: 'rules.json', line: 4 },
      { file: 'rules.json', line: 5 },
      { file: 'rules.json', line: 11 },
    ]);
  });

  it('reads a bare array', () => {
    expect(parseJsonRules('[{"from":"/a","to":"/b"}]').rules).toEqual([{ from: '/a', to: '/b' }]);
  });

  it('lists every bad rule at once, with its line and field', () => {
    const error = parseError(() =>
      parseJsonRules(fixture('rules-bad.json'), { file: 'rules.json' }),
    );
    expect(error.issues.map((issue) => [issue.index, issue.line, issue.field])).toEqual([
      [1, 3, 'status'],
      [2, 4, 'from'],
      [3, 5, ''],
    ]);
    expect(error.issues[0]!.message).toContain('301, 302, 303, 307 or 308');
    expect(error.issues[2]!.message).toContain('"permanant"');
  });

  it('rejects a file of the wrong shape', () => {
    expect(parseError(() => parseJsonRules('{"redirects": []}')).issues[0]!.message).toContain(
      '"rules"',
    );
  });
});

describe('serializeJsonRules', () => {
  it('round-trips every field', () => {
    const rules: RedirectRule[] = [
      { from: '/a', to: '/b', permanent: true, preserveMethod: false },
      {
        from: '/admin/*',
        to: 'https://admin.example.com/:splat',
        status: 307,
        host: 'www.example.com',
        query: { x: true, y: '1' },
        methods: ['GET'],
        preserveQuery: false,
      },
    ];
    const { text, lost } = serializeJsonRules(rules);
    expect(lost).toEqual([]);
    const back = parseJsonRules(text);
    expect(back.rules).toEqual(rules);
    expect(back.origins.map((origin) => origin.line)).toEqual([3, 4]);
  });
});
