import { describe, expect, it } from 'vitest';
import { checkRules, normalizeRule, redirectRuleSchema, ruleConditions } from './rules';
import type { RedirectRule } from './types';

const rule = (extra: Record<string, unknown>): RedirectRule =>
  ({ from: '/a', to: '/b', ...extra }) as unknown as RedirectRule;

describe('normalizeRule', () => {
  it.each([
    [{ status: 302 }, 302],
    [{ permanent: true }, 308],
    [{ permanent: true, preserveMethod: false }, 301],
    [{ permanent: false }, 307],
    [{ permanent: false, preserveMethod: false }, 303],
    [{}, 307],
  ] as const)('gives %j status %i', (fields, status) => {
    expect(normalizeRule(rule(fields)).status).toBe(status);
  });

  it('keeps the query by default', () => {
    expect(normalizeRule(rule({})).preserveQuery).toBe(true);
    expect(normalizeRule(rule({ preserveQuery: false })).preserveQuery).toBe(false);
  });
});

describe('ruleConditions', () => {
  it('is null without conditions', () => {
    expect(ruleConditions(rule({}))).toBeNull();
  });

  it('normalises methods, host and query; GET also admits HEAD', () => {
    const c = ruleConditions(
      rule({ methods: ['get', 'Post'], host: 'Example.COM', query: { 'a+b': 'x', c: true } }),
    );
    expect([...(c?.methods ?? [])].sort()).toEqual(['GET', 'HEAD', 'POST']);
    expect(c?.host).toBe('example.com');
    expect(c?.hostHasPort).toBe(false);
    expect(c?.query).toEqual([
      ['a b', 'x'],
      ['c', true],
    ]);
    expect(ruleConditions(rule({ host: 'example.com:8080' }))?.hostHasPort).toBe(true);
  });
});

describe('checkRules', () => {
  it('accepts valid rules', () => {
    expect(
      checkRules([
        { from: '/blog/:slug', to: '/articles/:slug', permanent: true },
        { from: '/docs/*', to: 'https://docs.example.com/:splat', status: 302 },
        { from: '/x', to: '/y', methods: ['GET'], host: 'example.com', query: { a: true } },
      ]),
    ).toEqual([]);
  });

  it.each([
    [{ status: 200 }, 'status', '200 is not a redirect status'],
    [{ status: 304 }, 'status', '304 Not Modified'],
    [{ status: 300 }, 'status', '300 Multiple Choices'],
    [{ status: '301' }, 'status', 'use status 301, 302, 303, 307 or 308'],
    [{ status: 301, permanent: true }, 'status', 'both `status` and `permanent`'],
    [{ status: 301, preserveMethod: true }, 'preserveMethod', 'only applies with `permanent`'],
    [{ to: '/b\r\nSet-Cookie: a=1' }, 'to', 'control character'],
    [{ to: '/b/:slug' }, 'to', 'does not capture it'],
    [{ from: 'a' }, 'from', 'must start with "/"'],
    [{ from: 42 }, 'from', 'as a string'],
    [{ host: 'https://example.com' }, 'host', 'without a scheme'],
    [{ methods: [] }, 'methods', 'never matches'],
    [{ methods: ['GE T'] }, 'methods.0', 'a token'],
    [{ query: { '': 'x' } }, 'query', 'non-empty parameter names'],
    [{ source: '/a' }, '', 'unknown field "source"'],
    [{ permanent: 'yes' }, 'permanent', 'true or false'],
  ])('reports %j on %s', (fields, field, message) => {
    const issues = checkRules([rule(fields)]);
    const found = issues.find((issue) => issue.field === field);
    expect(found?.message).toContain(message);
    expect(found?.index).toBe(0);
    expect(found?.message.startsWith('@org/redirect-core: ')).toBe(true);
  });

  it('names a param that `from` does not capture, and what it does capture', () => {
    const [issue] = checkRules([{ from: '/a/:id', to: '/b/:slug' }]);
    expect(issue?.message).toContain('":slug"');
    expect(issue?.message).toContain('":id"');
  });

  it('reports every problem of every rule at once, in rule order, with lines', () => {
    const issues = checkRules(
      [
        { from: '/ok', to: '/fine' },
        { from: 'bad', to: '/x', status: 200 },
        { from: '/a', to: '/b\n' },
      ],
      { origins: [undefined, { line: 7, file: 'redirects.json' }, { line: 9 }] },
    );
    expect(issues.map((i) => [i.index, i.field, i.line, i.file])).toEqual([
      [1, 'status', 7, 'redirects.json'],
      [1, 'from', 7, 'redirects.json'],
      [2, 'to', 9, undefined],
    ]);
  });

  it('rejects a list that is not an array, and items that are not objects', () => {
    expect(checkRules('nope')[0]).toMatchObject({ index: -1, field: '' });
    expect(checkRules([null, 3])).toHaveLength(2);
  });
});

describe('redirectRuleSchema', () => {
  it('parses a rule and rejects unknown fields', () => {
    expect(redirectRuleSchema.safeParse({ from: '/a', to: '/b' }).success).toBe(true);
    expect(redirectRuleSchema.safeParse({ from: '/a', to: '/b', extra: 1 }).success).toBe(false);
  });
});
