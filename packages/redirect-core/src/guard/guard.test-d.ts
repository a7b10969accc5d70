import { describe, expectTypeOf, it } from 'vitest';
import { encodeLocation } from './encode-location';
import {
  createRedirectGuard,
  type GuardRejection,
  type guardRejections,
  type RedirectGuard,
  type SafeTargetResult,
  type SameSitePathResult,
  safeRedirectTarget,
  sameSitePath,
} from './guard';

describe('guard types', () => {
  it('narrows the result on ok', () => {
    const result = safeRedirectTarget('/x', { base: 'https://site.test' });
    expectTypeOf(result).toEqualTypeOf<SafeTargetResult>();
    if (result.ok) expectTypeOf(result.url).toEqualTypeOf<string>();
    else {
      expectTypeOf(result.code).toEqualTypeOf<GuardRejection>();
      expectTypeOf(result.reason).toEqualTypeOf<string>();
    }
  });

  it('derives the rejection codes from the table', () => {
    expectTypeOf<GuardRejection>().toEqualTypeOf<keyof typeof guardRejections>();
    expectTypeOf<'origin'>().toExtend<GuardRejection>();
    expectTypeOf<'encoded-slash'>().toExtend<GuardRejection>();
  });

  it('takes any value as input and typed options', () => {
    expectTypeOf(safeRedirectTarget).parameter(0).toEqualTypeOf<unknown>();
    expectTypeOf(createRedirectGuard).returns.toEqualTypeOf<RedirectGuard>();
    expectTypeOf(sameSitePath).returns.toEqualTypeOf<SameSitePathResult>();
    // @ts-expect-error base is required
    safeRedirectTarget('/x', {});
    const origins = [new URL('https://a.test')];
    // @ts-expect-error allowedOrigins holds strings
    safeRedirectTarget('/x', { base: 'https://site.test', allowedOrigins: origins });
  });

  it('encodeLocation maps a string to a string', () => {
    expectTypeOf(encodeLocation).toEqualTypeOf<(url: string) => string>();
  });
});
