import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeLocation } from '../guard/encode-location';
import { sameSitePath } from '../guard/guard';
import { createRedirectMap } from './match';
import {
  matchSegments,
  parseDestination,
  parsePattern,
  requestSegments,
  substitute,
} from './pattern';
import type { MatchInput, RedirectMapOptions, RedirectRule } from './types';

// The straightforward implementation: test every rule in order, the first that matches wins.
// It shares only the path normalisation (`requestSegments`, `matchSegments`) with the matcher,
// so it checks the hash lookup, the segment tree and the build-time shadowing.
function oracle(
  rules: readonly RedirectRule[],
  input: { path: string; query: string; method: string; host: string | null },
  options: RedirectMapOptions,
): number | null {
  const segments = requestSegments(input.path, options);
  if (segments === null) return null;
  const params = new URLSearchParams(input.query);
  for (const [index, rule] of rules.entries()) {
    const pattern = parsePattern(rule.from, options);
    if (!pattern.ok) throw new Error(pattern.message);
    if (matchSegments(pattern.value, segments, options) === null) continue;
    if (rule.methods !== undefined) {
      const allowed = rule.methods.map((m) => m.toUpperCase());
      if (allowed.includes('GET')) allowed.push('HEAD');
      if (!allowed.includes(input.method.toUpperCase())) continue;
    }
    if (rule.host !== undefined) {
      if (input.host === null) continue;
      const host = rule.host.includes(':') ? input.host : input.host.replace(/:\d+$/, '');
      if (host.toLowerCase() !== rule.host.toLowerCase()) continue;
    }
    if (rule.query !== undefined) {
      const ok = Object.entries(rule.query).every(([name, value]) =>
        value === true ? params.has(name) : params.getAll(name).includes(value),
      );
      if (!ok) continue;
    }
    return index;
  }
  return null;
}

const literal = fc.constantFrom('a', 'b', 'A', 'é', 'c d', 'x.y', '%');
const segment = fc.oneof(
  { weight: 5, arbitrary: literal.map((s) => ({ kind: 'lit' as const, s })) },
  { weight: 2, arbitrary: fc.constant({ kind: 'param' as const, s: '' }) },
);

const ruleArb = fc
  .record({
    segments: fc.array(segment, { maxLength: 3 }),
    splat: fc.boolean(),
    slash: fc.boolean(),
    methods: fc.option(fc.subarray(['GET', 'post', 'PUT'], { minLength: 1 }), { nil: undefined }),
    host: fc.option(fc.constantFrom('a.test', 'B.test', 'a.test:8080'), { nil: undefined }),
    query: fc.option(
      fc.dictionary(
        fc.constantFrom('q', 'r'),
        fc.oneof(fc.constant(true as const), fc.constantFrom('1', 'x y')),
        {
          minKeys: 1,
        },
      ),
      { nil: undefined },
    ),
  })
  .map(({ segments, splat, slash, methods, host, query }): RedirectRule => {
    let n = 0;
    const parts = segments.map((s) => (s.kind === 'param' ? `:p${n++}` : encodeURIComponent(s.s)));
    if (splat) parts.push('*');
    const from = `/${parts.join('/')}${slash && !splat && parts.length > 0 ? '/' : ''}`;
    return {
      from,
      // Static destinations: a substituted one may be refused by the open-redirect guard
      // (match.test.ts covers that), which would make the comparison inexact.
      to: '/to',
      ...(methods === undefined ? {} : { methods }),
      ...(host === undefined ? {} : { host }),
      ...(query === undefined ? {} : { query }),
    };
  });

const requestArb = fc.record({
  segments: fc.array(
    fc.oneof(literal, fc.constantFrom('', 'z', 'a%2Fb', 'caf%C3%A9', '%C3%A9', 'B', '%zz', '%41')),
    { maxLength: 5 },
  ),
  raw: fc.boolean(),
  slash: fc.boolean(),
  method: fc.constantFrom('GET', 'HEAD', 'POST', 'put', 'DELETE'),
  host: fc.option(fc.constantFrom('a.test', 'A.TEST:8080', 'b.test', 'c.test'), { nil: null }),
  query: fc.constantFrom('', 'q=1', 'q=x+y', 'r', 'q=2&r=x%20y', 'q=%zz'),
});

type Request = typeof requestArb extends fc.Arbitrary<infer T> ? T : never;

function requestOf(r: Request) {
  const segments = r.segments.map((s) => (r.raw || s.includes('%') ? s : encodeURIComponent(s)));
  const path = `/${segments.join('/')}${r.slash && segments.length > 0 ? '/' : ''}`;
  return { path, query: r.query, method: r.method, host: r.host };
}

describe('the matcher agrees with the in-order oracle', () => {
  it.each([
    ['default', {}],
    ['strict and case-sensitive', { trailingSlash: 'strict', caseSensitive: true }],
  ] as const)('on random rule sets and requests (%s)', (_name, options) => {
    fc.assert(
      fc.property(
        fc.array(ruleArb, { maxLength: 25 }),
        fc.array(requestArb, { minLength: 1, maxLength: 20 }),
        (rules, requests) => {
          const map = createRedirectMap(rules, options);
          for (const r of requests) {
            const request = requestOf(r);
            const input: MatchInput = {
              url: request.query === '' ? request.path : `${request.path}?${request.query}`,
              method: request.method,
              ...(request.host === null ? {} : { headers: { host: request.host } }),
            };
            const expected = oracle(rules, request, options);
            const result = map.match(input);
            expect(result?.rule.index ?? null).toBe(expected);
            if (expected !== null) expect(result?.rule.from).toBe(rules[expected]?.from);
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it('on large maps of exact paths, params and splats', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ kind: fc.nat(9), a: fc.nat(30), b: fc.nat(30) }), {
          minLength: 50,
          maxLength: 400,
        }),
        fc.array(fc.record({ a: fc.nat(32), b: fc.nat(32), tail: fc.boolean() }), {
          minLength: 50,
          maxLength: 100,
        }),
        (specs, probes) => {
          const rules: RedirectRule[] = specs.map(({ kind, a, b }) =>
            kind < 7
              ? { from: `/s${a}/t${b}`, to: `/e/${a}` }
              : kind < 9
                ? { from: `/s${a}/:id`, to: `/p/:id` }
                : { from: `/s${a}/*`, to: `/w/:splat` },
          );
          const map = createRedirectMap(rules);
          for (const { a, b, tail } of probes) {
            const path = `/s${a}/t${b}${tail ? '/more' : ''}`;
            const request = { path, query: '', method: 'GET', host: null };
            expect(map.match({ url: path })?.rule.index ?? null).toBe(oracle(rules, request, {}));
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('substituted destinations agree with the straightforward substitution', () => {
  const value = fc.constantFrom(
    'a',
    'B.c',
    'x~y-z_',
    '.',
    '..',
    '.hidden',
    '',
    '%2F',
    '%5C',
    '%2e%2e',
    'caf%C3%A9',
    '%00',
    '%0D%0A',
    'a%20b',
    '@evil.test',
    'evil.test',
  );
  const shapes = [
    { from: '/s/:v', to: '/t/:v' },
    { from: '/s/:v', to: '/:v' },
    { from: '/s/:v', to: '/:v/x?y=:v#:v' },
    { from: '/s/*', to: '/t/:splat' },
    { from: '/s/*', to: '/:splat' },
    { from: '/s/:v/:rest*', to: '/:rest/:v' },
  ] as const;

  it('gives the encoded substitution when the guard accepts it, and null otherwise', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...shapes),
        fc.array(value, { minLength: 1, maxLength: 4 }),
        fc.boolean(),
        (shape, values, slash) => {
          const path = `/s/${values.join('/')}${slash ? '/' : ''}`;
          const map = createRedirectMap([{ from: shape.from, to: shape.to }]);
          const result = map.match({ url: path });
          const pattern = parsePattern(shape.from);
          const template = parseDestination(shape.to);
          const segments = requestSegments(path);
          if (!pattern.ok || !template.ok) throw new Error('bad shape');
          const captures = segments && matchSegments(pattern.value, segments);
          if (captures === null) {
            expect(result).toBeNull();
            return;
          }
          const expected = encodeLocation(substitute(template.value, captures));
          // A dot segment ("." or "..", decoded) is never substituted.
          const dot = Object.values(captures)
            .flat()
            .some((v) => v === '.' || v === '..');
          if (!dot && sameSitePath(expected).ok) expect(result?.location).toBe(expected);
          else expect(result).toBeNull();
        },
      ),
      { numRuns: 1500 },
    );
  });
});
