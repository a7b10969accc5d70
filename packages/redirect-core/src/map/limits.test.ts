import { describe, expect, it } from 'vitest';
import { RedirectConfigError } from './errors';
import { createRedirectMap } from './match';
import type { RedirectRule } from './types';

// Issue #17: bounded cost per request whatever the rules, and no dot segment substituted.

function issuesOf(
  rules: RedirectRule[],
  options = {},
): { index: number; field: string; message: string }[] {
  try {
    createRedirectMap(rules, options);
  } catch (error) {
    expect(error).toBeInstanceOf(RedirectConfigError);
    return (error as RedirectConfigError).issues.map(({ index, field, message }) => ({
      index,
      field,
      message,
    }));
  }
  return [];
}

describe('dot segments in substituted values', () => {
  const map = createRedirectMap([
    { from: '/public/*', to: '/files/:splat' },
    { from: '/u/:name', to: '/users/:name/profile' },
  ]);

  it.each([
    '/public/%2e%2e/private/key',
    '/public/%2E%2e/private/key',
    '/public/.%2e/private/key',
    '/public/../private/key',
    '/public/a/%2e/b',
    '/u/..',
    '/u/%2e%2e',
    '/u/.',
    '/u/%2E',
  ])('%s: no match (a dot segment is never substituted)', (url) => {
    expect(map.match({ url })).toBeNull();
  });

  it.each([
    ['/public/a.b/..c/.d', '/files/a.b/..c/.d'],
    ['/u/...', '/users/.../profile'],
    ['/u/%2e%2e%2e', '/users/.../profile'],
  ])('%s: values that merely hold dots still answer (%s)', (url, location) => {
    expect(map.match({ url })?.location).toBe(location);
  });
});

describe('the Location limit covers the whole Location, query included', () => {
  const rules: RedirectRule[] = [
    { from: '/a', to: '/b' },
    { from: '/p/:v', to: '/q/:v' },
    { from: '/m', to: '/n?keep=1' },
  ];
  const query = `x=${'y'.repeat(3000)}`;

  it.each(['/a', '/p/v', '/m'])('%s with a 3 KB query: no match by default (2048)', (path) => {
    const map = createRedirectMap(rules);
    expect(map.match({ url: `${path}?${query}` })).toBeNull();
    expect(map.match({ url: `${path}?x=1` })?.location).toMatch(/x=1$/);
  });

  it('is configurable: maxLocationLength lets a longer query through', () => {
    const map = createRedirectMap(rules, { maxLocationLength: 8192 });
    expect(map.match({ url: `/a?${query}` })?.location).toBe(`/b?${query}`);
    expect(map.match({ url: `/p/v?${query}` })?.location).toBe(`/q/v?${query}`);
  });

  it('counts the base origin', () => {
    const map = createRedirectMap([{ from: '/a', to: '/b' }], {
      base: 'https://example.com',
      maxLocationLength: 100,
    });
    const fits = 'q'.repeat(100 - 'https://example.com/b?'.length);
    expect(map.match({ url: `/a?${fits}` })?.location).toHaveLength(100);
    expect(map.match({ url: `/a?${fits}q` })).toBeNull();
  });

  it('refuses a substituted value that makes the Location too long', () => {
    const map = createRedirectMap([{ from: '/x/*', to: '/:splat/:splat' }], {
      maxLocationLength: 200,
    });
    expect(map.match({ url: `/x/${'a'.repeat(90)}` })?.location).toHaveLength(182);
    expect(map.match({ url: `/x/${'a'.repeat(110)}` })).toBeNull();
  });

  it.each([0, 1.5, 10, 1e9, '2048'])('rejects maxLocationLength %j naming the option', (value) => {
    expect(issuesOf([], { maxLocationLength: value })).toEqual([
      expect.objectContaining({ index: -1, field: 'options.maxLocationLength' }),
    ]);
  });
});

describe('destinations that can exceed the Location limit are rejected when the map is built', () => {
  it('rejects a `to` that repeats :splat 1,000 times, naming the rule and field', () => {
    const issues = issuesOf([
      { from: '/ok', to: '/fine' },
      { from: '/x/*', to: `/${':splat/'.repeat(1000)}` },
    ]);
    expect(issues).toEqual([
      expect.objectContaining({ index: 1, field: 'to', message: expect.stringContaining('1000') }),
    ]);
  });

  it('accepts a `to` that substitutes a few values', () => {
    expect(issuesOf([{ from: '/x/:a/:b', to: '/:b/:a/:b/:a' }])).toEqual([]);
  });

  it('rejects a static `to` longer than the limit, and accepts it under a higher limit', () => {
    const rule = { from: '/a', to: `/${'b'.repeat(3000)}` };
    expect(issuesOf([rule])).toEqual([
      expect.objectContaining({ index: 0, field: 'to', message: expect.stringContaining('2048') }),
    ]);
    expect(issuesOf([rule], { maxLocationLength: 4096 })).toEqual([]);
  });

  it('counts the base origin for a path destination', () => {
    const rule = { from: '/a/:v', to: `/${'b'.repeat(90)}/:v` };
    expect(issuesOf([rule], { maxLocationLength: 100 })).toEqual([]);
    expect(issuesOf([rule], { base: 'https://example.com', maxLocationLength: 100 })).toEqual([
      expect.objectContaining({ index: 0, field: 'to', message: expect.stringContaining('base') }),
    ]);
  });
});
