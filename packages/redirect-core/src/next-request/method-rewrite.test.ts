import { describe, expect, it } from 'vitest';
import { isMethod, normalizeMethod, rewriteMethod } from './method-rewrite';

describe('normalizeMethod (Fetch: normalize a method)', () => {
  it.each([
    ['get', 'GET'],
    ['Post', 'POST'],
    ['delete', 'DELETE'],
    ['options', 'OPTIONS'],
    ['head', 'HEAD'],
    ['put', 'PUT'],
    ['patch', 'patch'],
    ['PROPFIND', 'PROPFIND'],
  ])('%s -> %s', (method, expected) => {
    expect(normalizeMethod(method)).toBe(expected);
  });
});

describe('isMethod', () => {
  it('accepts tokens only', () => {
    expect(isMethod('M-SEARCH')).toBe(true);
    expect(isMethod('')).toBe(false);
    expect(isMethod('GET ')).toBe(false);
    expect(isMethod(1)).toBe(false);
  });
});

describe('rewriteMethod reads the status table', () => {
  it('fetch: POST on 301, all but GET/HEAD on 303, nothing on 307', () => {
    expect(rewriteMethod('POST', 301, 'fetch')).toEqual({
      method: 'GET',
      rewritten: true,
      source: 'fetch-http-redirect-fetch-12',
    });
    expect(rewriteMethod('PUT', 301, 'fetch').rewritten).toBe(false);
    expect(rewriteMethod('HEAD', 303, 'fetch').method).toBe('HEAD');
    expect(rewriteMethod('DELETE', 303, 'fetch').method).toBe('GET');
    expect(rewriteMethod('POST', 307, 'fetch').method).toBe('POST');
  });
  it('rfc and got keep POST on 302', () => {
    expect(rewriteMethod('POST', 302, 'rfc')).toMatchObject({
      method: 'POST',
      source: 'rfc9110-15.4.3',
    });
    expect(rewriteMethod('POST', 302, 'got')).toMatchObject({
      method: 'POST',
      source: 'got-method-rewriting',
    });
  });
});
