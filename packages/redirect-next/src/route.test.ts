import { describe, expect, it } from 'vitest';
import { redirectResponse } from './route';

const base = 'https://site.test';

describe('redirectResponse', () => {
  it.each([
    [undefined, 307],
    [{ permanent: true }, 308],
    [{ permanent: true, preserveMethod: false }, 301],
    [{ permanent: false, preserveMethod: false }, 303],
    [{ legacyClients: true }, 302],
  ] as const)('answers the intent %o with %i', (intent, status) => {
    const response = redirectResponse('/account', intent);
    expect(response.status).toBe(status);
    expect(response.headers.get('location')).toBe('/account');
  });

  it('keeps same-site targets as paths with their query and fragment', () => {
    const response = redirectResponse('/search?q=a b#top');
    expect(response.headers.get('location')).toBe('/search?q=a%20b#top');
  });

  it('encodes non-ASCII targets', () => {
    const response = redirectResponse('/crème/brûlée');
    expect(response.headers.get('location')).toBe('/cr%C3%A8me/br%C3%BBl%C3%A9e');
  });

  it('refuses absolute targets without a base', () => {
    expect(redirectResponse('https://site.test/a').headers.get('location')).toBe('/');
  });

  it('with a base, answers absolute Locations on it and on allowed origins only', () => {
    expect(redirectResponse('/a', {}, { base }).headers.get('location')).toBe(
      'https://site.test/a',
    );
    expect(redirectResponse('https://site.test/b', {}, { base }).headers.get('location')).toBe(
      'https://site.test/b',
    );
    const partner = { base, allowedOrigins: [base, 'https://partner.test'] };
    expect(redirectResponse('https://partner.test/x', {}, partner).headers.get('location')).toBe(
      'https://partner.test/x',
    );
    expect(redirectResponse('https://other.test/x', {}, partner).headers.get('location')).toBe('/');
  });

  it.each([
    'https://evil.test/',
    '//evil.test',
    '/\\evil.test',
    '\\\\evil.test',
    '/%2F%2Fevil.test',
    '/.//evil.test',
    'javascript:alert(1)',
    'https:evil.test',
    'https://user@site.test/',
    '/x\r\nSet-Cookie: a=1',
    '/x%0d%0aSet-Cookie:%20a=1',
    '/%E0%A4%A',
    '/%zz',
    '/\u2215evil.test',
    `/${'a'.repeat(100_000)}`,
    '',
    null,
    42,
  ])('sends the refused target %j to the fallback, without throwing', (target) => {
    const response = redirectResponse(target as string, {}, { base });
    expect(response.status).toBe(307);
    expect(response.headers.get('location')).toBe('/');
    expect(redirectResponse(target as string).headers.get('location')).toBe('/');
  });

  it('uses the fallback given', () => {
    const response = redirectResponse('//evil.test', {}, { base, fallback: '/home' });
    expect(response.headers.get('location')).toBe('/home');
  });

  it('refuses invalid options with an error naming the option', () => {
    expect(() => redirectResponse('/a', {}, { base: 'not a url' })).toThrow(
      /^@org\/redirect-next: redirectResponse options are invalid.*base/,
    );
    expect(() =>
      redirectResponse('/a', {}, { base, allowedOrigins: ['https://x.test/path'] }),
    ).toThrow(/allowedOrigins/);
  });
});
