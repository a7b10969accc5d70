import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeUtf8ByteString,
  locationUrl,
  parseAbsoluteUrl,
  type UrlParts,
  urlFragment,
} from './location-url';

const base = new URL('https://a.example/dir/page?x=1');

describe('locationUrl (Fetch: location URL)', () => {
  it('is none without a Location field', () => {
    expect(locationUrl([['content-type', 'text/html']], base, null)).toEqual({ kind: 'none' });
  });

  it('is failure for a second Location field, equal or not', () => {
    const twice: [string, string][] = [
      ['location', '/a'],
      ['location', '/a'],
    ];
    expect(locationUrl(twice, base, null)).toMatchObject({ kind: 'failure', reason: 'several' });
  });

  it('is failure for NUL, CR or LF and for what the URL parser rejects', () => {
    expect(locationUrl([['location', '/a\nb']], base, null)).toMatchObject({
      reason: 'invalid-value',
    });
    expect(locationUrl([['location', '/a\0b']], base, null)).toMatchObject({
      reason: 'invalid-value',
    });
    expect(locationUrl([['location', 'http://[::1']], base, null)).toMatchObject({
      reason: 'unparsable',
    });
  });

  it('parses against the base and inherits the fragment only when it has none', () => {
    const inherited = locationUrl([['location', 'next']], base, 'top');
    expect(inherited).toMatchObject({
      href: 'https://a.example/dir/next#top',
      inheritedFragment: 'top',
    });
    const own = locationUrl([['location', 'next#mine']], base, 'top');
    expect(own).toMatchObject({ href: 'https://a.example/dir/next#mine', inheritedFragment: null });
    const empty = locationUrl([['location', 'next#']], base, 'top');
    expect(empty).toMatchObject({ href: 'https://a.example/dir/next#', inheritedFragment: null });
    const emptyInherited = locationUrl([['location', 'next']], base, '');
    expect(emptyInherited).toMatchObject({
      href: 'https://a.example/dir/next#',
      inheritedFragment: '',
    });
  });

  it('keeps non-http(s) URLs for the caller to refuse (step 6)', () => {
    const result = locationUrl([['location', 'javascript:alert(1)']], base, 'f');
    expect(result).toMatchObject({ kind: 'url', href: 'javascript:alert(1)#f' });
  });
});

describe('urlFragment', () => {
  it('tells no fragment, an empty one and a value apart', () => {
    expect(urlFragment(new URL('https://a.example/'))).toBeNull();
    expect(urlFragment(new URL('https://a.example/#'))).toBe('');
    expect(urlFragment(new URL('https://a.example/#x%20y'))).toBe('x%20y');
  });
});

describe('decodeUtf8ByteString', () => {
  it('decodes a byte string of UTF-8', () => {
    expect(decodeUtf8ByteString('/\u00e2\u0098\u0083')).toBe('/☃');
    expect(decodeUtf8ByteString('\u00f0\u009f\u0098\u0080')).toBe('😀');
    expect(decodeUtf8ByteString('caf\u00c3\u00a9')).toBe('café');
  });

  it('leaves ASCII, real text and invalid UTF-8 alone', () => {
    expect(decodeUtf8ByteString('/plain')).toBeNull();
    expect(decodeUtf8ByteString('/☃')).toBeNull();
    expect(decodeUtf8ByteString('/café')).toBeNull();
    expect(decodeUtf8ByteString('\u00e2\u0098')).toBeNull();
    expect(decodeUtf8ByteString('\u00c0\u00af')).toBeNull();
    expect(decodeUtf8ByteString('\u00ed\u00a0\u0080')).toBeNull();
    expect(decodeUtf8ByteString('\u00ff')).toBeNull();
  });
});

// The fast paths read a URL from its characters only when the parser would keep it as it is;
// these compare them with the parser on inputs built to hit every place a URL gets rewritten.
const urlPieces = fc.constantFrom(
  ...'aAzZ09.-_~/\\:@%?#&=;+!$\'"()*,[]<>`{}|^ \t'.split(''),
  'é',
  '\u2603',
  '\n',
  'xn--',
  '%2e',
  '%2E',
  '/./',
  '/../',
  '..',
  '0x',
  ':443',
  ':80',
  ':0',
  ':65536',
  ':8080',
  'example',
  'u:p@',
);
const urlLike = fc
  .tuple(
    fc.constantFrom('https://', 'http://', 'HTTPS://', 'http:', 'https:/', 'ftp://', ''),
    fc.string({ unit: urlPieces, maxLength: 12 }),
    fc.constantFrom('', '.example', '.test', '.1', '.0x1f', '.'),
    fc.string({ unit: urlPieces, maxLength: 12 }),
  )
  .map((parts) => parts.join(''));
const pathLike = fc.string({
  unit: fc.oneof(
    { weight: 1, arbitrary: urlPieces },
    {
      weight: 12,
      arbitrary: fc.constantFrom(
        '/',
        'a',
        'B',
        '0',
        'b.c',
        '-',
        '~',
        '%41',
        ':',
        '@',
        '=',
        '?',
        '#',
      ),
    },
  ),
  maxLength: 12,
});
// Mostly URLs the fast path accepts, with one thing off now and then.
const structuredUrl = fc
  .tuple(
    fc.constantFrom('https://', 'http://', 'https://', 'http://', 'HTTP://'),
    fc.array(
      fc.oneof(
        { weight: 8, arbitrary: fc.constantFrom('a', 'example', 'b-c', 'f', 'x1', 'a-') },
        { weight: 1, arbitrary: fc.constantFrom('-x', '0', '1a', 'xn--a', 'A', '', 'é', '0x1') },
      ),
      { minLength: 1, maxLength: 4 },
    ),
    fc.constantFrom('', '', '', ':443', ':80', ':8080', ':0', ':08', ':65535', ':65536', ':'),
    pathLike,
  )
  .map(([scheme, labels, port, path]) => `${scheme}${labels.join('.')}${port}/${path}`);

function partsOf(url: UrlParts) {
  const { href, protocol, origin, username, password, hostname, hash } = url;
  return { href, protocol, origin, username, password, hostname, hash };
}

function parsed(value: string, base?: string): URL | null {
  try {
    return new URL(value, base);
  } catch {
    return null;
  }
}

describe('parseAbsoluteUrl', () => {
  it.each([
    'https://a.example/x?y=1#z',
    'http://a.example:8080/',
    'https://A.example/',
    'https://a.example:443/',
    'http://a.example:80/x',
    'https://a.example/a/../b',
    'https://a.example/a/%2e%2E/b',
    'https://a.example/.well-known/x',
    'https://127.1/',
    'https://0x7f.0.0.1/',
    'https://xn--nxasmq6b.example/',
    'https://a.example./',
    'https://a.example?x',
    'https://a.example/#',
    'https://u:p@a.example/',
    "https://a.example/it's?it's#it's",
    'https://a.example/ x',
    'https://a.example/\\x',
    'https://a.example/é',
    'data:,x',
  ])("%s has the parser's parts", (value) => {
    const expected = parsed(value);
    const actual = parseAbsoluteUrl(value);
    expect(actual && partsOf(actual)).toEqual(expected && partsOf(expected));
  });

  it('agrees with the URL parser on any input', () => {
    fc.assert(
      fc.property(fc.oneof(urlLike, structuredUrl), (value) => {
        const expected = parsed(value);
        const actual = parseAbsoluteUrl(value);
        expect(actual && partsOf(actual)).toEqual(expected && partsOf(expected));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('locationUrl without the parser', () => {
  const bases = fc.constantFrom(
    'https://a.example/dir/page?x=1#f',
    'http://a.example:8080/',
    'https://u:p@a.example/x',
    'https://A.example/',
    'file:///tmp/x',
  );
  const locations = fc.oneof(
    urlLike,
    structuredUrl,
    pathLike.map((rest) => `/${rest}`),
  );

  it('resolves as the parser does, and inherits a fragment alike', () => {
    fc.assert(
      fc.property(bases, locations, fc.constantFrom(null, '', 'top'), (base, value, fragment) => {
        const result = locationUrl([['location', value]], new URL(base), fragment);
        const trimmed = value.replace(/^[\t\n\r ]+|[\t\n\r ]+$/g, '');
        const expected = /[\0\r\n]/.test(trimmed) ? null : parsed(trimmed, base);
        if (expected === null) {
          expect(result.kind).toBe('failure');
          return;
        }
        expect(result.kind).toBe('url');
        if (result.kind !== 'url') return;
        expect(partsOf(result.url)).toEqual(partsOf(expected));
        const inherits = fragment !== null && urlFragment(expected) === null;
        expect(result.href).toBe(inherits ? `${expected.href}#${fragment}` : expected.href);
        if (result.printable) expect(JSON.stringify(result.value)).toBe(`"${result.value}"`);
      }),
      { numRuns: 3000 },
    );
  });

  it('reads a path-absolute Location and an absolute one from their characters', () => {
    const base = new URL('https://a.example/dir/page');
    const path = locationUrl([['location', '/next?x=1']], base, null);
    expect(path).toMatchObject({ href: 'https://a.example/next?x=1', printable: true });
    expect(path.kind === 'url' && path.url instanceof URL).toBe(false);
    const absolute = locationUrl([['location', 'https://b.example/y']], base, null);
    expect(absolute).toMatchObject({ href: 'https://b.example/y', printable: true });
    const dots = locationUrl([['location', '/a/../b']], base, null);
    expect(dots).toMatchObject({ href: 'https://a.example/b', printable: false });
  });
});
