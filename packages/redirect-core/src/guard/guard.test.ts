import { describe, expect, it } from 'vitest';
import { sources } from '../status/sources';
import {
  createRedirectGuard,
  type GuardRejection,
  guardRejections,
  guardSources,
  isSameSitePath,
  RedirectGuardOptionsError,
  safeRedirectTarget,
  sameSitePath,
} from './guard';

const base = 'https://site.test/app/';
const guard = createRedirectGuard({ base });

describe('safeRedirectTarget: accepted targets come back normalised', () => {
  it.each([
    ['/account', 'https://site.test/account'],
    ['/account?tab=1#top', 'https://site.test/account?tab=1#top'],
    ['page', 'https://site.test/app/page'],
    ['../up', 'https://site.test/up'],
    ['/a/../b/./c', 'https://site.test/b/c'],
    ['?q=1', 'https://site.test/app/?q=1'],
    ['#frag', 'https://site.test/app/#frag'],
    ['/', 'https://site.test/'],
    ['https://site.test', 'https://site.test/'],
    ['HTTPS://SITE.TEST:443/X', 'https://site.test/X'],
    ['/caf\u00e9 cr\u00e8me', 'https://site.test/caf%C3%A9%20cr%C3%A8me'],
    ['/\u{1f600}', 'https://site.test/%F0%9F%98%80'],
    ['/users/@alice', 'https://site.test/users/@alice'],
    ['/\u30b3\u30fc\u30d2\u30fc', 'https://site.test/%E3%82%B3%E3%83%BC%E3%83%92%E3%83%BC'],
    [
      '/\u{1f468}\u200d\u{1f469}\u200d\u{1f467}',
      'https://site.test/%F0%9F%91%A8%E2%80%8D%F0%9F%91%A9%E2%80%8D%F0%9F%91%A7',
    ],
    ['/login?next=%2Fhome%2F', 'https://site.test/login?next=%2Fhome%2F'],
    ['/x?u=https%3A%2F%2Fother.test%2F', 'https://site.test/x?u=https%3A%2F%2Fother.test%2F'],
    ['/%68ttps://evil.test', 'https://site.test/%68ttps://evil.test'],
    ['evil.test', 'https://site.test/app/evil.test'],
    ['/100%25', 'https://site.test/100%25'],
  ])('%j -> %s', (input, url) => {
    expect(safeRedirectTarget(input, { base })).toEqual({ ok: true, url });
    expect(guard(input)).toEqual({ ok: true, url });
  });

  it('returns the parsed href, never the raw input', () => {
    const result = guard('/a b');
    expect(result).toEqual({ ok: true, url: 'https://site.test/a%20b' });
  });
});

// Each family: the payloads and the code they must be refused with.
const families: Record<string, [string, GuardRejection][]> = {
  'protocol-relative and backslashes': [
    ['//evil.test', 'protocol-relative'],
    ['///evil.test', 'protocol-relative'],
    ['/\\evil.test', 'protocol-relative'],
    ['\\/evil.test', 'protocol-relative'],
    ['\\\\evil.test', 'protocol-relative'],
    ['/x\\..\\..\\\\evil.test', 'backslash'],
    ['https:\\\\evil.test', 'backslash'],
    ['https://site.test\\@evil.test', 'backslash'],
    ['/.//evil.test', 'protocol-relative'],
    ['..//evil.test', 'protocol-relative'],
    ['/a/..//evil.test', 'protocol-relative'],
    ['/%2e//evil.test', 'protocol-relative'],
    ['https://site.test//evil.test', 'protocol-relative'],
  ],
  'control characters and whitespace': [
    ['/\t/evil.test', 'control-character'],
    ['/\n/evil.test', 'control-character'],
    ['/\r\n/evil.test', 'control-character'],
    ['java\tscript:alert(1)', 'control-character'],
    ['\u0000/x', 'control-character'],
    ['/x\u007f', 'control-character'],
    ['/x\u0085', 'control-character'],
    ['/%09/evil.test', 'control-character'],
    ['/%0d%0aSet-Cookie:%20a=b', 'control-character'],
    ['/x?y=%00', 'control-character'],
    ['/x%7F', 'control-character'],
    ['/x%C2%85', 'control-character'],
    ['/%250d%250a', 'control-character'],
    [' /x', 'whitespace'],
    ['/x ', 'whitespace'],
    ['\u00a0/x', 'whitespace'],
    ['\u3000//evil.test', 'whitespace'],
    ['%20//evil.test', 'whitespace'],
    ['/x%20', 'whitespace'],
    ['/\u200b/x', 'invisible-character'],
    ['/\u202eevil', 'invisible-character'],
    ['/x\u2066y', 'invisible-character'],
    ['/x\u00ady', 'invisible-character'],
    ['\ufeff/x', 'whitespace'],
    ['/x%E2%80%8B', 'invisible-character'],
  ],
  'encoded slashes': [
    ['/%2f%2fevil.test', 'encoded-slash'],
    ['/%2F%2Fevil.test', 'encoded-slash'],
    ['%2f%2fevil.test', 'encoded-slash'],
    ['/%5cevil.test', 'encoded-slash'],
    ['/%252f%252fevil.test', 'encoded-slash'],
    ['/%25252fevil.test', 'encoded-slash'],
    ['/%255Cevil.test', 'encoded-slash'],
    ['https://site.test%2f@evil.test', 'credentials'],
    ['https://site.test%2f.evil.test/', 'encoded-slash'],
    ['/%2e%2e%2f%2e%2e%2fevil', 'encoded-slash'],
  ],
  'malformed encoding and Unicode': [
    ['/%zz', 'malformed-encoding'],
    ['/x%', 'malformed-encoding'],
    ['/%%32%66evil.test', 'malformed-encoding'],
    ['/%c0%af', 'malformed-encoding'],
    ['/%e0%80%af', 'malformed-encoding'],
    ['/%ff', 'malformed-encoding'],
    [`/${'%25'.repeat(1)}${'25'.repeat(12)}41`, 'malformed-encoding'],
    ['/\ud800', 'malformed-unicode'],
    ['/\udc00x', 'malformed-unicode'],
  ],
  'unicode slashes': [
    ['\uff0f\uff0fevil.test', 'unicode-slash'],
    ['/\uff0fevil.test', 'unicode-slash'],
    ['/\uff3cevil.test', 'unicode-slash'],
    ['https://site.test\uff0f.evil.test', 'unicode-slash'],
    ['/\u2215\u2215evil.test', 'unicode-slash'],
    ['/\u2044evil.test', 'unicode-slash'],
    ['https://evil.test\u2100.site.test', 'unicode-slash'],
    ['/%EF%BC%8F%EF%BC%8Fevil.test', 'unicode-slash'],
    ['\u3031evil.test', 'unicode-slash'],
    ['/\u3035evil.test', 'unicode-slash'],
    ['\u309devil.test', 'unicode-slash'],
    ['\u30fcevil.test', 'unicode-slash'],
    ['/\uff70evil.test', 'unicode-slash'],
    ['%E3%80%B1evil.test', 'unicode-slash'],
  ],
  schemes: [
    ['javascript:alert(1)', 'scheme'],
    ['JaVaScRiPt:alert(1)', 'scheme'],
    ['javascript://site.test/%0aalert(1)', 'scheme'],
    ['data:text/html;base64,PHNjcmlwdD4=', 'scheme'],
    ['vbscript:msgbox(1)', 'scheme'],
    ['file:///etc/passwd', 'scheme'],
    ['ftp://site.test/', 'scheme'],
    ['blob:https://site.test/uuid', 'scheme'],
    ['localhost:8080', 'scheme'],
    ['https:evil.test', 'scheme-relative'],
    ['http:evil.test', 'scheme-relative'],
    ['https:/evil.test', 'scheme-relative'],
    ['https:///evil.test', 'scheme-relative'],
    ['https:site.test/x', 'scheme-relative'],
  ],
  userinfo: [
    ['https://site.test@evil.test', 'credentials'],
    ['https://site.test:443@evil.test/', 'credentials'],
    ['https://user:pass@site.test/', 'credentials'],
    ['https://@site.test/', 'credentials'],
    ['https://evil.test#@site.test', 'origin'],
    ['https://evil.test?@site.test', 'origin'],
  ],
  'hosts: look-alikes, literals and other origins': [
    ['https://evil.test/', 'origin'],
    ['http://site.test/', 'origin'],
    ['https://site.test:8443/', 'origin'],
    ['https://site.test./', 'origin'],
    ['https://site.test.evil.test/', 'origin'],
    ['https://\u0455ite.test/', 'origin'],
    ['https://sit\u0435.test/', 'origin'],
    ['https://site\u3002test.evil.test/', 'origin'],
    ['https://xn--ite-ehd.test/', 'origin'],
    ['https://127.0.0.1/', 'origin'],
    ['https://2130706433/', 'origin'],
    ['https://0x7f.1/', 'origin'],
    ['https://[::1]/', 'origin'],
    ['https://[::ffff:127.0.0.1]/', 'origin'],
    ['https://site.test%23.evil.test/', 'unparsable'],
    ['https://[::1/', 'unparsable'],
    ['https://a b.test/', 'unparsable'],
    ['https://1.2.3.4.5/', 'unparsable'],
  ],
};

describe.each(Object.entries(families))('safeRedirectTarget rejects %s', (_family, cases) => {
  it.each(cases)('%j -> %s', (input, code) => {
    const result = safeRedirectTarget(input, { base });
    expect(result).toMatchObject({ ok: false, code });
    if (!result.ok) expect(result.reason.startsWith(guardRejections[code])).toBe(true);
  });
});

describe('allowedOrigins', () => {
  const options = {
    base,
    allowedOrigins: ['https://site.test', 'https://xn--bcher-kva.test', 'http://[::1]:8080'],
  };

  it.each([
    ['https://b\u00fccher.test/x', 'https://xn--bcher-kva.test/x'],
    ['https://B\u00dcCHER.test/x', 'https://xn--bcher-kva.test/x'],
    ['http://[0:0::1]:8080/x', 'http://[::1]:8080/x'],
    ['/local', 'https://site.test/local'],
  ])('accepts %j on a listed origin as %s', (input, url) => {
    expect(safeRedirectTarget(input, options)).toEqual({ ok: true, url });
  });

  it('normalises listed origins the way it normalises targets', () => {
    const numeric = { base, allowedOrigins: ['https://127.0.0.1:443'] };
    expect(safeRedirectTarget('https://2130706433/x', numeric)).toEqual({
      ok: true,
      url: 'https://127.0.0.1/x',
    });
  });

  it('replaces the default: paths fail when the base origin is not listed', () => {
    const result = safeRedirectTarget('/x', { base, allowedOrigins: ['https://other.test'] });
    expect(result).toMatchObject({ ok: false, code: 'origin' });
  });

  it('compares origins exactly: no subdomains, no other port or scheme', () => {
    for (const input of ['https://a.site.test/', 'http://[::1]/', 'https://[::1]:8080/']) {
      expect(safeRedirectTarget(input, options)).toMatchObject({ ok: false, code: 'origin' });
    }
  });
});

describe('options', () => {
  it.each([
    [{ base: '/relative' }, 'base'],
    [{ base: 'ftp://site.test' }, 'base'],
    [{ base: 'https://u:p@site.test' }, 'base'],
    [{ base: 42 }, 'base'],
    [{ base, allowedOrigins: [] }, 'allowedOrigins'],
    [{ base, allowedOrigins: ['https://site.test/path'] }, 'allowedOrigins[0]'],
    [{ base, allowedOrigins: ['https://ok.test', 'javascript:x'] }, 'allowedOrigins[1]'],
    [{ base, allowedOrigins: 'https://site.test' }, 'allowedOrigins'],
    [{ base, allowedOrigins: ['https://ok.test', 7] }, 'allowedOrigins[1]'],
    [{ base, maxLength: 0 }, 'maxLength'],
    [{ base, maxLength: 1.5 }, 'maxLength'],
    [null, 'options'],
  ])('%j: createRedirectGuard throws a typed error naming %s', (options, field) => {
    let thrown: unknown;
    try {
      createRedirectGuard(options as never);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(RedirectGuardOptionsError);
    expect((thrown as RedirectGuardOptionsError).field).toBe(field);
    expect((thrown as Error).message).toMatch(/^@org\/redirect-core: /);
    // The request-time function answers instead of throwing.
    expect(safeRedirectTarget('/x', options as never)).toMatchObject({
      ok: false,
      code: 'invalid-options',
    });
  });

  it('accepts a URL object as base', () => {
    expect(safeRedirectTarget('/x', { base: new URL(base) })).toEqual({
      ok: true,
      url: 'https://site.test/x',
    });
  });

  it('enforces maxLength before parsing (default 2048)', () => {
    const long = `/${'a'.repeat(2047)}`;
    expect(guard(long).ok).toBe(true);
    expect(guard(`${long}a`)).toMatchObject({ ok: false, code: 'too-long' });
    expect(safeRedirectTarget('/abcdef', { base, maxLength: 4 })).toMatchObject({
      ok: false,
      code: 'too-long',
    });
  });

  it.each([
    [undefined, 'not-a-string'],
    [null, 'not-a-string'],
    [42, 'not-a-string'],
    [['/x'], 'not-a-string'],
    [{ toString: () => '/x' }, 'not-a-string'],
    ['', 'empty'],
  ])('refuses %j with %s', (input, code) => {
    expect(guard(input)).toMatchObject({ ok: false, code });
  });
});

describe('sameSitePath / isSameSitePath', () => {
  it.each([
    ['/articles/hello', '/articles/hello'],
    ['/a b/../c?x=1#y', '/c?x=1#y'],
    ['/caf\u00e9', '/caf%C3%A9'],
  ])('%j stays on the site as %s', (input, path) => {
    expect(sameSitePath(input)).toEqual({ ok: true, path });
    expect(isSameSitePath(input)).toBe(true);
  });

  it.each([
    ['relative', 'not-a-path'],
    ['https://same-site.invalid/x', 'not-a-path'],
    ['//evil.test', 'protocol-relative'],
    ['/\\evil.test', 'protocol-relative'],
    ['/.//evil.test', 'protocol-relative'],
    ['/%2f%2fevil.test', 'encoded-slash'],
    ['/\t/evil.test', 'control-character'],
    ['', 'not-a-path'],
  ])('%j is refused with %s', (input, code) => {
    expect(sameSitePath(input)).toMatchObject({ ok: false, code });
    expect(isSameSitePath(input)).toBe(false);
  });

  it('refuses non-strings', () => {
    expect(isSameSitePath(undefined)).toBe(false);
    expect(sameSitePath(7)).toMatchObject({ ok: false, code: 'not-a-string' });
  });
});

it('names sources that exist in the source table', () => {
  for (const id of guardSources) expect(sources[id].url).toMatch(/^https:\/\//);
});
