import { describe, expect, it } from 'vitest';
import { splitUrl } from './request-target';

describe('splitUrl', () => {
  it.each([
    ['/a/b?x=1#f', { path: '/a/b', query: 'x=1', host: null }],
    ['https://shop.test/a?x=1#f', { path: '/a', query: 'x=1', host: 'shop.test' }],
    ['HTTPS://Shop.TEST:8443/A', { path: '/A', query: '', host: 'shop.test:8443' }],
    ['Http://user@Shop.test?q', { path: '/', query: 'q', host: 'shop.test' }],
    ['http://ÉCOLE.test/x', { path: '/x', query: '', host: 'école.test' }],
    ['http://127.0.0.1:3000/hello', { path: '/hello', query: '', host: '127.0.0.1:3000' }],
  ])('splits %s', (url, parts) => {
    expect(splitUrl(url)).toEqual(parts);
  });

  it.each([
    'ftp://shop.test/a',
    'httpx://shop.test/',
    'https:/shop.test/',
    'http:shop',
    'shop.test/a',
    '',
  ])('refuses %s', (url) => {
    expect(splitUrl(url)).toBeNull();
  });
});
