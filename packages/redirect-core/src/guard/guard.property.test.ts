import { parse as legacyParse } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeLocation } from './encode-location';
import { createRedirectGuard, guardRejections, safeRedirectTarget } from './guard';

const base = 'https://site.test/app/';
const allowedOrigins = ['https://site.test', 'https://xn--bcher-kva.test', 'http://[::1]:8080'];
const allowed = new Set(allowedOrigins);
const guard = createRedirectGuard({ base, allowedOrigins });

// Pieces bypasses are made of; fast-check strings them together in any order.
const tokens = [
  '/',
  '//',
  '\\',
  '/\\',
  '.',
  '..',
  '@',
  ':',
  '?',
  '#',
  '%',
  '%2f',
  '%2F',
  '%5c',
  '%25',
  '%252f',
  '%2e',
  '%09',
  '%0a',
  '%0d',
  '%00',
  '%20',
  '%40',
  '%3a',
  '%E3%80%82',
  'https:',
  'http:',
  'https://',
  'javascript:',
  'data:',
  'HTTPS:',
  'site.test',
  'evil.test',
  'b\u00fccher.test',
  'xn--bcher-kva.test',
  '\u0455ite.test',
  '[::1]',
  '[::1]:8080',
  '127.0.0.1',
  '0x7f.1',
  '2130706433',
  ':443',
  ':8080',
  '\t',
  '\n',
  '\r',
  ' ',
  '\u0000',
  '\u007f',
  '\u00a0',
  '\u3000',
  '\u200b',
  '\ufeff',
  '\u3002',
  '\uff0f',
  '\uff3c',
  '\uff0e',
  '\u2215',
  '\ufe6b',
  '\ud800',
  '\u00e9',
  'a',
  'x',
  '..;/',
];
const tricky = fc
  .array(fc.constantFrom(...tokens), { maxLength: 14 })
  .map((parts) => parts.join(''));
const codeUnits = fc.string({
  unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)),
  maxLength: 40,
});
const anyTarget = fc.oneof(
  tricky,
  codeUnits,
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.webUrl({
    withQueryParameters: true,
    withFragments: true,
    authoritySettings: {
      withIPv4: true,
      withIPv6: true,
      withIPv4Extended: true,
      withUserInfo: true,
      withPort: true,
    },
  }),
  fc
    .tuple(fc.constantFrom('https://site.test', 'http://[::1]:8080', '', '/'), tricky, codeUnits)
    .map((parts) => parts.join('')),
);

const PRINTABLE_ASCII = /^[\u0021-\u007e]*$/;

describe('safeRedirectTarget properties', () => {
  it('never throws, whatever the input, and every refusal has a known code and a reason', () => {
    fc.assert(
      fc.property(fc.oneof(anyTarget, fc.anything()), (input) => {
        const result = guard(input);
        if (!result.ok) {
          expect(Object.keys(guardRejections)).toContain(result.code);
          expect(result.reason.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws on hostile options either', () => {
    fc.assert(
      fc.property(fc.anything(), anyTarget, (options, input) => {
        const result = safeRedirectTarget(input, options as never);
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 300 },
    );
  });

  it('never accepts a target that leaves the allowed origins, and returns it normalised', () => {
    fc.assert(
      fc.property(anyTarget, (input) => {
        const result = guard(input);
        if (!result.ok) return;
        const url = new URL(result.url);
        expect(allowed.has(url.origin)).toBe(true);
        expect(url.href).toBe(result.url);
        expect(url.username + url.password).toBe('');
        expect(url.pathname.startsWith('//')).toBe(false);
        expect(result.url).toMatch(PRINTABLE_ASCII);
        // Absolute: it means the same whatever a client resolves it against.
        expect(new URL(result.url, 'http://other.test/deep/path/').href).toBe(result.url);
        // And a normalised target passes again unchanged.
        expect(guard(result.url)).toEqual(result);
        // A second, older parser (Node's legacy url.parse) reads the same host: no parser
        // differential between the check and a non-browser client.
        expect(legacyParse(result.url).host).toBe(url.host);
      }),
      { numRuns: 3000 },
    );
  });

  it('accepts ordinary same-site paths (it does not just refuse everything)', () => {
    const segment = fc.string({
      unit: fc.constantFrom(..."abcxyzABC019-._~!$&'()*+,;=:@\u00e9\u65e5\u{1f600}"),
      minLength: 1,
      maxLength: 12,
    });
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 6 }), (segments) => {
        const path = `/${segments.join('/')}`;
        const expected = new URL(path, base).href;
        // A path the parser itself normalises to `//...` is refused by design.
        if (new URL(expected).pathname.startsWith('//')) return;
        expect(guard(path)).toEqual({ ok: true, url: expected });
      }),
      { numRuns: 500 },
    );
  });
});

// RFC 3986 §6.2.2 equivalence, as far as a Location can show: escapes of printable ASCII other
// than the delimiters `% / ? #` decoded, every other escape upper-cased.
function canonical(href: string): string {
  return href.replace(/%([0-9A-Fa-f]{2})/g, (sequence, hex: string) => {
    const code = Number.parseInt(hex, 16);
    const char = String.fromCharCode(code);
    return code > 0x20 && code < 0x7f && !'%/?#'.includes(char) ? char : sequence.toUpperCase();
  });
}

// Generated text must be something the parser keeps rather than deletes or rewrites: no C0
// controls (tab/CR/LF vanish), no `\` (it means `/`), and `%` only in valid escapes.
const urlText = fc
  .array(
    fc.oneof(
      fc
        .string({ unit: 'binary', maxLength: 8 })
        .map((text) => text.replace(/[\u0000-\u001f\\%]/g, '')),
      fc.constantFrom(
        '%41',
        '%c3%a9',
        '%2F',
        '%20',
        '%7C',
        ' ',
        '|',
        '{',
        '^',
        '`',
        '"',
        '<',
        '>',
        "'",
      ),
      codeUnits.map((text) => text.replace(/[\u0000-\u001f\\%]/g, '')),
    ),
    { maxLength: 6 },
  )
  .map((parts) => parts.join(''));

describe('encodeLocation properties', () => {
  it('outputs printable ASCII only: no control character, space or non-ASCII, and never throws', () => {
    fc.assert(
      fc.property(fc.oneof(codeUnits, fc.string({ unit: 'binary' }), tricky), (input) => {
        expect(encodeLocation(input)).toMatch(PRINTABLE_ASCII);
      }),
      { numRuns: 2000 },
    );
  });

  it('is idempotent and adds no path separator', () => {
    fc.assert(
      fc.property(fc.oneof(codeUnits, tricky, urlText), (input) => {
        const once = encodeLocation(input);
        expect(encodeLocation(once)).toBe(once);
        expect(once.split('/').length).toBe(input.split('/').length);
        expect(once.includes('\\')).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });

  it('parses as the same URL as its input', () => {
    const origin = fc.constantFrom(
      'https://site.test',
      'http://[::1]:8080',
      'https://b\u00fccher.test',
      'https://xn--bcher-kva.test:8443',
      'http://127.0.0.1',
    );
    fc.assert(
      fc.property(origin, urlText, urlText, urlText, (prefix, path, query, fragment) => {
        const input = `${prefix}/${path}?${query}#${fragment}z`;
        const encoded = encodeLocation(input);
        expect(canonical(new URL(encoded).href)).toBe(canonical(new URL(input).href));
      }),
      { numRuns: 1000 },
    );
  });

  it('leaves text with only safe characters and valid escapes untouched', () => {
    const safeText = fc.string({
      unit: fc.oneof(
        fc.constantFrom(..."azAZ09-._~:/?#[]@!$&'()*+,;="),
        fc.integer({ min: 0, max: 255 }).map((byte) => `%${byte.toString(16).padStart(2, '0')}`),
      ),
    });
    fc.assert(
      fc.property(safeText, (input) => {
        expect(encodeLocation(input)).toBe(input);
      }),
    );
  });
});
