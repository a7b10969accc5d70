import { describe, expect, it } from 'vitest';
import { cacheControlFor, cachePolicySchema, DEFAULT_PERMANENT_MAX_AGE } from './cache';

describe('cacheControlFor', () => {
  it.each([
    [301, `max-age=${DEFAULT_PERMANENT_MAX_AGE}`],
    [308, 'max-age=3600'],
    [302, null],
    [303, null],
    [307, null],
  ])('gives %i %j by default', (status, value) => {
    expect(cacheControlFor(status)).toBe(value);
  });

  it('follows the policy', () => {
    expect(cacheControlFor(308, { permanentMaxAge: 0 })).toBe('max-age=0');
    expect(cacheControlFor(301, { permanentMaxAge: null })).toBeNull();
    expect(cacheControlFor(307, { temporary: 'no-store' })).toBe('no-store');
    expect(cacheControlFor(308, { temporary: 'no-store' })).toBe('max-age=3600');
  });
});

describe('cachePolicySchema', () => {
  it.each([
    { permanentMaxAge: -1 },
    { permanentMaxAge: 1.5 },
    { permanentMaxAge: 31_536_001 },
    { temporary: '' },
    { temporary: 'a\nb' },
    { other: 1 },
  ])('rejects %j', (policy) => {
    expect(cachePolicySchema.safeParse(policy).success).toBe(false);
  });
});
