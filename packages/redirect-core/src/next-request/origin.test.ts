import { describe, expect, it } from 'vitest';
import { includesCredentials, isDowngrade, isHttpScheme, sameOrigin } from './origin';

const u = (href: string) => new URL(href);

describe('sameOrigin', () => {
  it.each([
    ['https://a.example/x', 'https://a.example:443/y', true],
    ['https://a.example/', 'https://A.example/', true],
    ['https://a.example/', 'http://a.example/', false],
    ['https://a.example/', 'https://a.example:444/', false],
    ['https://a.example/', 'https://www.a.example/', false],
    ['https://user:pw@a.example/', 'https://a.example/', true],
  ])('%s and %s: %s', (a, b, expected) => {
    expect(sameOrigin(u(a), u(b))).toBe(expected);
  });
});

describe('isDowngrade, includesCredentials, isHttpScheme', () => {
  it('sees https to http only', () => {
    expect(isDowngrade(u('https://a.example/'), u('http://a.example/'))).toBe(true);
    expect(isDowngrade(u('http://a.example/'), u('https://a.example/'))).toBe(false);
    expect(isDowngrade(u('http://a.example/'), u('http://b.example/'))).toBe(false);
  });
  it('sees a username or a password', () => {
    expect(includesCredentials(u('https://u@a.example/'))).toBe(true);
    expect(includesCredentials(u('https://:p@a.example/'))).toBe(true);
    expect(includesCredentials(u('https://@a.example/'))).toBe(false);
  });
  it('accepts http and https only', () => {
    expect(isHttpScheme(u('HTTP://a.example/'))).toBe(true);
    expect(isHttpScheme(u('wss://a.example/'))).toBe(false);
  });
});
