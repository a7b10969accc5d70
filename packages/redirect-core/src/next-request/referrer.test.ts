import { describe, expect, it } from 'vitest';
import { determineReferrer, isReferrerPolicy, referrerPolicyFromHeaders } from './referrer';
import type { ReferrerPolicy } from './types';

const page = new URL('https://user:pw@a.example/page?q=1#frag');

describe('determineReferrer (Referrer Policy §8.3)', () => {
  const cases: [ReferrerPolicy, string, string | null][] = [
    ['no-referrer', 'https://a.example/x', null],
    ['unsafe-url', 'http://b.example/', 'https://a.example/page?q=1'],
    ['origin', 'https://a.example/x', 'https://a.example/'],
    ['same-origin', 'https://a.example/x', 'https://a.example/page?q=1'],
    ['same-origin', 'https://b.example/', null],
    ['origin-when-cross-origin', 'https://b.example/', 'https://a.example/'],
    ['strict-origin', 'https://b.example/', 'https://a.example/'],
    ['strict-origin', 'http://b.example/', null],
    ['strict-origin-when-cross-origin', 'https://a.example/x', 'https://a.example/page?q=1'],
    ['strict-origin-when-cross-origin', 'https://b.example/', 'https://a.example/'],
    ['strict-origin-when-cross-origin', 'http://b.example/', null],
    ['strict-origin-when-cross-origin', 'http://localhost/', 'https://a.example/'],
    ['no-referrer-when-downgrade', 'http://b.example/', null],
    ['no-referrer-when-downgrade', 'https://b.example/', 'https://a.example/page?q=1'],
  ];
  it.each(cases)('%s to %s gives %s', (policy, target, expected) => {
    expect(determineReferrer(page, new URL(target), policy)).toBe(expected);
  });

  it('falls back to the origin for a referrer longer than 4096', () => {
    const long = new URL(`https://a.example/${'x'.repeat(5000)}`);
    expect(determineReferrer(long, new URL('https://a.example/'), 'unsafe-url')).toBe(
      'https://a.example/',
    );
  });
});

describe('referrerPolicyFromHeaders (Referrer Policy §8.1)', () => {
  it('takes the last known token across fields', () => {
    expect(
      referrerPolicyFromHeaders([
        ['referrer-policy', 'origin'],
        ['referrer-policy', 'no-referrer, made-up'],
      ]),
    ).toBe('no-referrer');
    expect(referrerPolicyFromHeaders([['referrer-policy', 'made-up']])).toBeNull();
    expect(referrerPolicyFromHeaders([])).toBeNull();
  });
  it('knows the policies', () => {
    expect(isReferrerPolicy('unsafe-url')).toBe(true);
    expect(isReferrerPolicy('')).toBe(false);
  });
});
