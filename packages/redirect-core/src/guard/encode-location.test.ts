import { describe, expect, it } from 'vitest';
import { sources } from '../status/sources';
import { encodeLocation, encodeLocationSources } from './encode-location';

describe('encodeLocation', () => {
  it.each([
    ['/plain/path?x=1&y=2#top', '/plain/path?x=1&y=2#top'],
    ["/sub-delims!$&'()*+,;=:@", "/sub-delims!$&'()*+,;=:@"],
    ['https://[::1]:8080/x', 'https://[::1]:8080/x'],
    ['/caf\u00e9?q=a b', '/caf%C3%A9?q=a%20b'],
    ['/\u{1f600}', '/%F0%9F%98%80'],
    ['/\u65e5\u672c', '/%E6%97%A5%E6%9C%AC'],
    ['/already%20encoded%C3%A9', '/already%20encoded%C3%A9'],
    ['/lower%c3%a9', '/lower%c3%a9'],
    ['/100%', '/100%25'],
    ['/%zz%4', '/%25zz%254'],
    ['/%%41', '/%25%41'],
    ['/a|b{c}^`"<>', '/a%7Cb%7Bc%7D%5E%60%22%3C%3E'],
    ['/a\\b', '/a%5Cb'],
    ['/\ud800x', '/%EF%BF%BDx'],
    ['/x\udc00', '/x%EF%BF%BD'],
    ['/\udbff\udfff', '/%F4%8F%BF%BF'],
    ['', ''],
  ])('%j -> %s', (input, output) => {
    expect(encodeLocation(input)).toBe(output);
  });

  it.each([
    ['/a\r\nSet-Cookie: x=1', '/a%0D%0ASet-Cookie:%20x=1'],
    ['/\u0000\u0001\u001f\u007f', '/%00%01%1F%7F'],
    ['/\u0085\u2028', '/%C2%85%E2%80%A8'],
    ['\t//evil.test', '%09//evil.test'],
  ])('makes header injection impossible: %j -> %s', (input, output) => {
    expect(encodeLocation(input)).toBe(output);
  });

  it('never creates a path separator: a backslash or tab cannot become //host', () => {
    for (const input of ['/\\evil.test', '/\t/evil.test', ' //evil.test', 'https:\\\\evil.test']) {
      const location = encodeLocation(input);
      const url = new URL(location, 'https://site.test/');
      expect(url.origin).toBe('https://site.test');
    }
  });

  it.each([
    ['https://b\u00fccher.test/b\u00fccher', 'https://xn--bcher-kva.test/b%C3%BCcher'],
    ['https://u:p@\u00e9.test:8443/', 'https://u:p@xn--9ca.test:8443/'],
    ['https://B\u00dcCHER.test', 'https://xn--bcher-kva.test'],
  ])('writes an internationalised host in punycode: %j -> %s', (input, output) => {
    expect(encodeLocation(input)).toBe(output);
    expect(new URL(encodeLocation(input)).href).toBe(new URL(input).href);
  });

  it('percent-encodes a host the URL parser refuses rather than guess', () => {
    expect(encodeLocation('https://a\uff0fb.test/')).toBe('https://a%EF%BC%8Fb.test/');
  });

  it('never throws, even on a value that is not a string', () => {
    expect(encodeLocation(42 as never)).toBe('42');
    expect(encodeLocation(Symbol('x') as never)).toBe('Symbol(x)');
    const hostile = {
      toString(): string {
        throw new Error('no');
      },
    };
    expect(encodeLocation(hostile as never)).toBe('');
    expect(encodeLocation(new URL('https://site.test/\u00e9') as never)).toBe(
      'https://site.test/%C3%A9',
    );
  });

  it('writes only values Headers accepts', () => {
    const headers = new Headers();
    headers.set('location', encodeLocation('/\u00e9\r\n\u0000 x\ud800'));
    expect(headers.get('location')).toBe('/%C3%A9%0D%0A%00%20x%EF%BF%BD');
  });

  it('names sources that exist in the source table', () => {
    for (const id of encodeLocationSources) expect(sources[id].url).toMatch(/^https:\/\//);
  });
});
