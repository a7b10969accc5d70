import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RedirectRule } from '../map/types';
import { parseRedirects, serializeRedirects } from './index';

const segment = fc.stringMatching(/^[a-z0-9][a-z0-9._~-]{0,8}$/);
const name = fc.stringMatching(/^[a-z][a-z0-9_]{0,5}$/);
const status = fc.constantFrom(301, 302, 303, 307, 308) as fc.Arbitrary<
  RedirectRule['status'] & number
>;

// Rules every readable format can hold: a path pattern, a destination using its param, a status.
const rule: fc.Arbitrary<RedirectRule> = fc
  .record({
    literals: fc.array(segment, { minLength: 1, maxLength: 4 }),
    param: fc.option(name, { nil: undefined }),
    splat: fc.boolean(),
    target: fc.array(segment, { minLength: 1, maxLength: 3 }),
    absolute: fc.boolean(),
    status,
  })
  .map(({ literals, param, splat, target, absolute, status }) => {
    let from = `/${literals.join('/')}`;
    let to = `${absolute ? 'https://example.com' : ''}/${target.join('/')}`;
    if (param !== undefined) {
      from += `/:${param}`;
      to += `/:${param}`;
    } else if (splat) {
      from += '/*';
      to += '/:splat';
    }
    return { from, to, status };
  });

describe('round trips', () => {
  it("netlify keeps every rule, read with Netlify's syntax", () => {
    fc.assert(
      fc.property(fc.array(rule, { maxLength: 20 }), (rules) => {
        const { text, lost } = serializeRedirects(rules, 'netlify');
        expect(lost).toEqual([]);
        const back = parseRedirects(text, 'netlify');
        expect(back.rules).toEqual(rules.map((r) => ({ ...r, syntax: 'netlify' })));
        expect(back.origins).toHaveLength(rules.length);
      }),
    );
  });

  it.each(['csv', 'json'] as const)('%s keeps every rule as it was', (format) => {
    fc.assert(
      fc.property(fc.array(rule, { maxLength: 20 }), (rules) => {
        const { text, lost } = serializeRedirects(rules, format);
        expect(lost).toEqual([]);
        const back = parseRedirects(text, format);
        expect(back.rules).toEqual(rules);
        expect(back.origins).toHaveLength(rules.length);
      }),
    );
  });

  it('vercel keeps the meaning, writing a bare splat as :splat*', () => {
    fc.assert(
      fc.property(fc.array(rule, { maxLength: 20 }), (rules) => {
        const { text, lost } = serializeRedirects(rules, 'vercel');
        expect(lost).toEqual([]);
        const back = parseRedirects(text, 'vercel').rules;
        expect(back).toHaveLength(rules.length);
        for (const [i, read] of back.entries()) {
          const original = rules[i]!;
          expect(read.from).toBe(original.from.replace(/\/\*$/, '/:splat*'));
          expect(read.to).toBe(original.to.replace(/:splat$/, ':splat*'));
          const status = read.status ?? (read.permanent ? 308 : 307);
          expect(status).toBe(original.status);
        }
      }),
    );
  });
});
