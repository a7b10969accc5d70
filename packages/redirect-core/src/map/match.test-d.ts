import { expectTypeOf, it } from 'vitest';
import { createRedirectMap } from './match';
import type { RuleStatus } from './rules';
import type { MatchAnswer, RedirectMap } from './types';

it('returns a RedirectMap whose match answers a result or null', () => {
  const map = createRedirectMap([{ from: '/a', to: '/b', permanent: true }]);
  expectTypeOf(map).toEqualTypeOf<RedirectMap>();
  expectTypeOf(map.match({ url: '/a' })).toEqualTypeOf<MatchAnswer | null>();
  expectTypeOf(map.match).parameter(0).toHaveProperty('url').toEqualTypeOf<string | URL>();
});

it('accepts only the five redirect statuses in a rule', () => {
  expectTypeOf<RuleStatus>().toEqualTypeOf<301 | 302 | 303 | 307 | 308>();
  // @ts-expect-error 200 is not a redirect status
  createRedirectMap([{ from: '/a', to: '/b', status: 200 }]);
});
