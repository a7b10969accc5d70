import { describe, expect, it } from 'vitest';
import { isMethod, normalizeMethod } from './method-rewrite';

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
