import { describe, expect, it } from 'vitest';
import { decodeUtf8ByteString, locationUrl, urlFragment } from './location-url';

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
